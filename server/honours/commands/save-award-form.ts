/**
 * The award-form catalogue is national reference data: system administrators
 * add forms, edit them (no deletes: deactivate) and add dated rule versions
 * (append-only — a rule that applied to past councils is never rewritten).
 */
import type { Kysely, Transaction } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { TAwardRuleInput, TCreateAwardFormBody } from '../../../common/schemas/honours.ts';
import { foldVietnamese } from '../../../common/vn-text.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { isSystemAdmin, requireActor, type RequestContext } from '../../lib/context.ts';
import { AppError, forbidden, invalid, notFound, staleRevision } from '../../lib/errors.ts';
import { parseFraction } from '../vote-count.ts';

function assertSystemAdmin(ctx: RequestContext): void {
  if (ctx.system) return;
  if (!isSystemAdmin(requireActor(ctx)))
    throw forbidden('Chỉ quản trị hệ thống được sửa danh mục hình thức khen thưởng.');
}

async function ruleValues(trx: Transaction<DB>, formId: number, rule: TAwardRuleInput, userId: number | null) {
  if (
    rule.grantorLevelId !== null &&
    !(await trx.selectFrom('org_level').select('id').where('id', '=', rule.grantorLevelId).executeTakeFirst())
  ) {
    throw invalid('rule.grantorLevelId', `Không tìm thấy cấp có mã số ${rule.grantorLevelId}.`);
  }
  const threshold = parseFraction(rule.threshold);
  const quorum = parseFraction(rule.quorum);
  const clash = await trx
    .selectFrom('award_form_rule')
    .select('id')
    .where('award_form_id', '=', formId)
    .where('valid_from', '=', rule.validFrom)
    .executeTakeFirst();
  if (clash)
    throw invalid(
      'rule.validFrom',
      `Đã có một phiên bản quy định áp dụng từ ngày ${formatDateVi(rule.validFrom)}; hãy chọn ngày khác.`,
    );
  return {
    award_form_id: formId,
    valid_from: rule.validFrom,
    grantor_kind: rule.grantorKind,
    grantor_level_id: rule.grantorLevelId,
    council_required: rule.councilRequired,
    ballot: rule.ballot,
    threshold_num: threshold.num,
    threshold_den: threshold.den,
    comparison: rule.comparison,
    basis: rule.basis,
    quorum_num: quorum.num,
    quorum_den: quorum.den,
    disclosure_days: rule.disclosureDays,
    legal_basis: rule.legalBasis,
    note: rule.note,
    created_by: userId,
  };
}

export async function createAwardForm(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: TCreateAwardFormBody,
): Promise<number> {
  assertSystemAdmin(ctx);
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    if (await trx.selectFrom('award_form').select('id').where('code', '=', input.code).executeTakeFirst()) {
      throw new AppError('DUPLICATE', `Mã "${input.code}" đã được dùng.`, [
        { field: 'code', message: `Mã "${input.code}" đã được dùng.` },
      ]);
    }
    const form = await trx
      .insertInto('award_form')
      .values({
        code: input.code,
        name: input.name,
        kind: input.kind,
        subject: input.subject,
        sort_order: input.sortOrder,
        search_text: foldVietnamese(input.name),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rule = await ruleValues(trx, form.id, input.rule, ctx.actor?.userId ?? null);
    await trx.insertInto('award_form_rule').values(rule).execute();
    await audit({
      action: 'award_form.created',
      entityType: 'award_form',
      entityId: form.id,
      unitId: null,
      summary: `Thêm hình thức khen thưởng "${input.name}"`,
      after: { ...input },
    });
    return form.id;
  });
}

export async function updateAwardForm(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  input: {
    name: string;
    kind: TCreateAwardFormBody['kind'];
    subject: TCreateAwardFormBody['subject'];
    sortOrder: number;
    active: boolean;
    revision: number;
  },
): Promise<void> {
  assertSystemAdmin(ctx);
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await trx.selectFrom('award_form').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound(`hình thức khen thưởng có mã số ${id}`);
    if (before.revision !== input.revision) throw staleRevision(`hình thức khen thưởng "${before.name}"`);
    await trx
      .updateTable('award_form')
      .set({
        name: input.name,
        kind: input.kind,
        subject: input.subject,
        sort_order: input.sortOrder,
        active: input.active,
        search_text: foldVietnamese(input.name),
        revision: before.revision + 1,
      })
      .where('id', '=', id)
      .execute();
    await audit({
      action: 'award_form.updated',
      entityType: 'award_form',
      entityId: id,
      unitId: null,
      summary: `Sửa hình thức khen thưởng "${input.name}"`,
      before,
      after: input,
    });
  });
}

export async function addAwardRule(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  rule: TAwardRuleInput,
): Promise<void> {
  assertSystemAdmin(ctx);
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const form = await trx
      .selectFrom('award_form')
      .select(['id', 'name'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!form) throw notFound(`hình thức khen thưởng có mã số ${id}`);
    const values = await ruleValues(trx, id, rule, ctx.actor?.userId ?? null);
    const row = await trx.insertInto('award_form_rule').values(values).returning('id').executeTakeFirstOrThrow();
    await audit({
      action: 'award_form.rule_added',
      entityType: 'award_form',
      entityId: id,
      unitId: null,
      summary: `Ban hành quy định xét "${form.name}" áp dụng từ ${formatDateVi(rule.validFrom)}`,
      after: { ruleId: row.id, ...rule },
    });
  });
}
