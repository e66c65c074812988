/**
 * /api/v1/honours — decisions (quyết định khen thưởng), the honours register,
 * revocation, certificates; and /people/:id/honours for the person page.
 */
import { z } from '../../../common/zod-setup.ts';
import {
  ZDecisionBody,
  ZDecisionResult,
  ZHonour,
  ZHonourListQuery,
  ZRevokeBody,
} from '../../../common/schemas/honours-decisions.ts';
import { ZId, ZIdParams, ZPage, ZPageQuery } from '../../../common/schemas/shared.ts';
import { docxToPdf } from '../../docgen/pdf.ts';
import { contentDisposition } from '../../documents/storage.ts';
import { binaryResponse, MEDIA } from '../../openapi/binary-response.ts';
import { auditRead } from '../../lib/audit.ts';
import { requireActor, type RequestContext } from '../../lib/context.ts';
import { AppError, forbidden, invalid, invalidState, notFound } from '../../lib/errors.ts';
import type { App } from '../../lib/http.ts';
import { loadUnitFor } from '../../org/unit-access.ts';
import { loadPersonFor } from '../../people/policy.ts';
import { canReview } from '../policy.ts';
import { buildCertificatesDocx, certificateData, certificateFileName } from './certificate.ts';
import { decideHonours } from './commands/decide-honours.ts';
import { revokeHonour } from './commands/revoke-honour.ts';
import { presentHonour } from './presenter.ts';
import { findHonours, getHonour, honoursOfDecision, loadHonourFor, type HonourRow } from './queries.ts';

const tags = ['honours'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = 'application/pdf';
const NO_PDF = 'Máy chủ chưa cài LibreOffice nên chưa tạo được bản PDF của giấy khen, bằng khen. Hãy tải bản .docx.';
const ZHonourPage = ZPage(ZHonour);
const ZDecisionQuery = z.object({ decisionDocumentId: ZId });

export function honourDecisionRoutes(app: App): void {
  const { db } = app;

  /** The active honours to print: one (by id) or all of one decision; revoked ones are refused. */
  async function printable(
    actor: ReturnType<typeof requireActor>,
    which: { id: number } | { decisionDocumentId: number },
  ): Promise<{ rows: HonourRow[]; name: (ext: 'docx' | 'pdf') => string }> {
    if ('id' in which) {
      const row = await loadHonourFor(db, actor, which.id, 'read');
      if (row.status === 'revoked')
        throw invalidState(`Khen thưởng của "${row.display_name}" đã bị thu hồi; không in được giấy khen, bằng khen.`);
      return { rows: [row], name: (ext) => certificateFileName(row.award_name, `${row.id}-${row.display_name}`, ext) };
    }
    const all = await honoursOfDecision(db, actor, which.decisionDocumentId);
    if (all.length === 0) throw notFound(`khen thưởng nào theo văn bản có mã số ${which.decisionDocumentId}`);
    const rows = all.filter((r) => r.status === 'active');
    if (rows.length === 0)
      throw invalidState(
        `Mọi khen thưởng theo quyết định ${all[0]!.decision_symbol} đã bị thu hồi; không còn gì để in.`,
      );
    const awards = [...new Set(rows.map((r) => r.award_name))];
    return {
      rows,
      name: (ext) =>
        certificateFileName(awards.length === 1 ? awards[0]! : 'Khen-thưởng', all[0]!.decision_symbol, ext),
    };
  }

  /** Certificates name people: each download is audited (after the file is built, before it is sent). */
  async function auditCertificates(
    ctx: RequestContext,
    rows: HonourRow[],
    which: { id: number } | { decisionDocumentId: number },
    fileName: string,
  ): Promise<void> {
    const names = rows
      .slice(0, 10)
      .map((r) => r.display_name)
      .join(', ');
    const more = rows.length > 10 ? ` và ${rows.length - 10} người, tập thể khác` : '';
    await auditRead(db, ctx, {
      action: 'certificate.exported',
      entityType: 'id' in which ? 'honour' : 'document',
      entityId: 'id' in which ? which.id : which.decisionDocumentId,
      unitId: rows[0]!.owner_unit_id,
      summary: `Tải "${fileName}": ${rows.length} giấy khen, bằng khen theo quyết định ${rows[0]!.decision_symbol} — ${names}${more}`,
      after: { honourIds: rows.map((r) => r.id) },
    });
  }

  app.post(
    '/honours/decisions',
    {
      schema: {
        tags,
        summary: 'Ra (hoặc ghi nhận) quyết định khen thưởng: đăng ký quyết định vào sổ văn bản và ghi sổ khen thưởng',
        body: ZDecisionBody,
        response: { 201: ZDecisionResult },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const body = req.body;
      const owner = await loadUnitFor(db, actor, body.ownerUnitId, 'registry.read');
      if (!canReview(actor, owner))
        throw forbidden(
          `Chỉ cán bộ thi đua, khen thưởng của "${owner.name}" mới ghi được quyết định khen thưởng vào sổ của đơn vị này.`,
        );
      if (body.grantorUnitId !== null && body.grantorUnitId !== body.ownerUnitId) {
        throw invalid('grantorUnitId', `Đơn vị ra quyết định phải là đơn vị ghi sổ quyết định ("${owner.name}").`);
      }
      const result = await decideHonours(db, req.ctx, owner, body);
      const doc = await db
        .selectFrom('document')
        .select(['id', 'symbol', 'issued_on', 'summary'])
        .where('id', '=', result.documentId)
        .executeTakeFirstOrThrow();
      reply.code(201);
      return {
        document: { id: doc.id, symbol: doc.symbol, issuedOn: doc.issued_on, summary: doc.summary },
        honourIds: result.honourIds,
      };
    },
  );

  app.get(
    '/honours',
    {
      schema: {
        tags,
        summary:
          'Sổ khen thưởng: các khen thưởng mình được xem (unitId: đơn vị được khen hoặc đơn vị ghi sổ thuộc cây của đơn vị đó)',
        querystring: ZHonourListQuery,
        response: { 200: ZHonourPage },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { unitId, ...rest } = req.query;
      const unitPath = unitId !== undefined ? (await loadUnitFor(db, actor, unitId, 'registry.read')).path : undefined;
      const { items, total } = await findHonours(db, actor, { ...rest, unitPath });
      return {
        items: items.map((r) => presentHonour(actor, r)),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/honours/certificates.docx',
    {
      schema: {
        tags,
        summary: 'Giấy khen, bằng khen của mọi người, tập thể trong một quyết định (.docx, mỗi trang một bản)',
        querystring: ZDecisionQuery,
        produces: [DOCX],
        response: binaryResponse('Giấy khen, bằng khen (.docx)', [MEDIA.docx]),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const { rows, name } = await printable(actor, { decisionDocumentId: req.query.decisionDocumentId });
      const buffer = await buildCertificatesDocx(await certificateData(db, rows));
      await auditCertificates(req.ctx, rows, { decisionDocumentId: req.query.decisionDocumentId }, name('docx'));
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', contentDisposition(name('docx')))
        .header('cache-control', 'private, no-store')
        .send(buffer);
    },
  );

  app.get(
    '/honours/certificates.pdf',
    {
      schema: {
        tags,
        summary: 'Giấy khen, bằng khen của một quyết định (.pdf, khi máy chủ có LibreOffice)',
        querystring: ZDecisionQuery,
        produces: [PDF],
        response: binaryResponse('Giấy khen, bằng khen (.pdf)', [MEDIA.pdf]),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const { rows, name } = await printable(actor, { decisionDocumentId: req.query.decisionDocumentId });
      const pdf = await docxToPdf(await buildCertificatesDocx(await certificateData(db, rows)));
      if (!pdf) throw new AppError('UNAVAILABLE', NO_PDF);
      await auditCertificates(req.ctx, rows, { decisionDocumentId: req.query.decisionDocumentId }, name('pdf'));
      return reply
        .header('content-type', PDF)
        .header('content-disposition', contentDisposition(name('pdf')))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/honours/:id',
    { schema: { tags, summary: 'Một khen thưởng', params: ZIdParams, response: { 200: ZHonour } } },
    async (req) => {
      const actor = requireActor(req.ctx);
      return presentHonour(actor, await loadHonourFor(db, actor, req.params.id, 'read'));
    },
  );

  app.post(
    '/honours/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Thu hồi, hủy bỏ khen thưởng (giữ lại trong sổ, ghi ngày, lý do, văn bản)',
        params: ZIdParams,
        body: ZRevokeBody,
        response: { 200: ZHonour },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const row = await loadHonourFor(db, actor, req.params.id, 'revoke');
      await revokeHonour(db, req.ctx, row.id, req.body);
      const after = await getHonour(db, actor, row.id);
      if (!after) throw notFound(`khen thưởng có mã số ${row.id}`);
      return presentHonour(actor, after);
    },
  );

  app.get(
    '/honours/:id/certificate.docx',
    {
      schema: {
        tags,
        summary: 'Giấy khen, bằng khen (.docx, khổ A4 ngang)',
        params: ZIdParams,
        produces: [DOCX],
        response: binaryResponse('Giấy khen, bằng khen (.docx)', [MEDIA.docx]),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const { rows, name } = await printable(actor, { id: req.params.id });
      const buffer = await buildCertificatesDocx(await certificateData(db, rows));
      await auditCertificates(req.ctx, rows, { id: req.params.id }, name('docx'));
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', contentDisposition(name('docx')))
        .header('cache-control', 'private, no-store')
        .send(buffer);
    },
  );

  app.get(
    '/honours/:id/certificate.pdf',
    {
      schema: {
        tags,
        summary: 'Giấy khen, bằng khen (.pdf, khi máy chủ có LibreOffice)',
        params: ZIdParams,
        produces: [PDF],
        response: binaryResponse('Giấy khen, bằng khen (.pdf)', [MEDIA.pdf]),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const { rows, name } = await printable(actor, { id: req.params.id });
      const pdf = await docxToPdf(await buildCertificatesDocx(await certificateData(db, rows)));
      if (!pdf) throw new AppError('UNAVAILABLE', NO_PDF);
      await auditCertificates(req.ctx, rows, { id: req.params.id }, name('pdf'));
      return reply
        .header('content-type', PDF)
        .header('content-disposition', contentDisposition(name('pdf')))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/people/:id/honours',
    {
      schema: {
        tags: ['people'],
        summary: 'Các khen thưởng của một người',
        params: ZIdParams,
        querystring: ZPageQuery,
        response: { 200: ZHonourPage },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const person = await loadPersonFor(db, actor, req.params.id, 'read');
      const { items, total } = await findHonours(db, actor, { ...req.query, personId: person.id });
      return {
        items: items.map((r) => presentHonour(actor, r)),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );
}
