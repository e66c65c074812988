/**
 * Thể thức văn bản per unit: layout parameters (margins, font, sizes, the
 * party heading line) and the place name are settings a unit keeps and the
 * units under it inherit. The effective settings of a unit are those of the
 * nearest unit at or above it that has any (one query on the current path);
 * a report's own layout goes on top.
 */
import type { Kysely } from 'kysely';
import type { TDocumentSettings, TDocumentSettingsBody } from '../../common/schemas/review-reports.ts';
import type { DB } from '../db/schema.ts';
import { mergeLayout, resolveLayout } from '../docgen/party-layout.ts';
import { asObject } from '../lib/json-value.ts';
import { effectiveLayout, nearestSettings, type UnitSettings } from '../org/document-settings.ts';

export { effectiveLayout, mergeLayout, nearestSettings, type UnitSettings };
import { writeTransaction } from '../lib/audit.ts';
import type { RequestContext } from '../lib/context.ts';
import { staleRevision } from '../lib/errors.ts';
import type { UnitRef } from '../org/unit-access.ts';

export async function getDocumentSettings(db: Kysely<DB>, unit: UnitRef): Promise<TDocumentSettings> {
  const nearest = await nearestSettings(db, unit.id);
  const own = nearest.source?.id === unit.id;
  return {
    unit: { id: unit.id, name: unit.name },
    own: own ? { layout: nearest.layout, place: nearest.place, revision: nearest.revision } : null,
    effective: {
      layout: resolveLayout(nearest.layout),
      override: nearest.layout,
      place: nearest.place,
      inheritedFrom: own ? null : nearest.source,
    },
  };
}

/** Save a unit's own settings: created with revision null, changed at the revision the editor saw. */
export async function saveDocumentSettings(
  db: Kysely<DB>,
  ctx: RequestContext,
  unit: UnitRef,
  body: TDocumentSettingsBody,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await trx
      .selectFrom('unit_document_settings')
      .selectAll()
      .where('unit_id', '=', unit.id)
      .executeTakeFirst();
    const place = body.place ? body.place : null;
    if (body.revision === null) {
      if (before) throw staleRevision('Thể thức văn bản của đơn vị');
      await trx
        .insertInto('unit_document_settings')
        .values({ unit_id: unit.id, layout: JSON.stringify(body.layout), place, updated_by: ctx.actor?.userId ?? null })
        .execute();
    } else {
      const updated = await trx
        .updateTable('unit_document_settings')
        .set({
          layout: JSON.stringify(body.layout),
          place,
          revision: body.revision + 1,
          updated_by: ctx.actor?.userId ?? null,
          updated_at: new Date(),
        })
        .where('unit_id', '=', unit.id)
        .where('revision', '=', body.revision)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw staleRevision('Thể thức văn bản của đơn vị');
    }
    await audit({
      action: 'document_settings.updated',
      entityType: 'unit_document_settings',
      entityId: unit.id,
      unitId: unit.id,
      summary: `Sửa thể thức văn bản của "${unit.name}"`,
      before: before ? { layout: asObject(before.layout, {}), place: before.place } : null,
      after: { layout: body.layout, place },
    });
  });
}
