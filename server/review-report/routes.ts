/** /api/v1/review-reports — review reports (sơ kết, tổng kết, 6 tháng, năm): figures, texts, warnings, exports. */
import { todayInVietnam } from '../../common/dates.ts';
import {
  ZCreateReviewReportBody,
  ZFinalizeReviewReportBody,
  ZReviewReport,
  ZReviewReportListQuery,
  ZReportUnitList,
  ZReportUnitsQuery,
  ZReviewReportPage,
  ZReviewRevisionBody,
  ZUpdateReviewReportBody,
} from '../../common/schemas/review-reports.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { docxToPdf } from '../docgen/pdf.ts';
import { contentDisposition } from '../documents/storage.ts';
import { binaryResponse, MEDIA } from '../openapi/binary-response.ts';
import { auditRead } from '../lib/audit.ts';
import { requireActor, type RequestContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import type { App } from '../lib/http.ts';
import { loadUnitOrPredecessorFor } from '../org/unit-access.ts';
import { acknowledgeWarnings } from './commands/acknowledge-warnings.ts';
import { createReviewReport } from './commands/create-review-report.ts';
import { finalizeReviewReport } from './commands/finalize-review-report.ts';
import { refreshReviewReport } from './commands/refresh-review-report.ts';
import { updateReviewReport } from './commands/update-review-report.ts';
import { buildReviewAnnex, buildReviewDocx, exportName } from './exports.ts';
import { assertExportable, loadReviewReportFor } from './policy.ts';
import { presentReviewReport, presentSummary } from './presenter.ts';
import { findReportUnits, findReviewReports, getReviewReport } from './queries.ts';
import type { ReviewReportRow } from './report-record.ts';
import { documentSettingsRoutes } from './settings-routes.ts';

const tags = ['review-reports'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function reviewReportRoutes(app: App): void {
  const { db } = app;
  /** The report just written, as the writer sees it now. */
  const show = async (id: number) => {
    const row = await getReviewReport(db, id);
    if (!row) throw new Error(`review_report ${id} vanished after its write`);
    return presentReviewReport(db, row);
  };

  app.get(
    '/review-reports',
    {
      schema: {
        tags,
        summary: 'Các báo cáo sơ kết, tổng kết (của các đơn vị mình được xem)',
        querystring: ZReviewReportListQuery,
        response: { 200: ZReviewReportPage },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { items, total } = await findReviewReports(db, actor, req.query);
      return {
        items: items.map((r) => presentSummary(r, r.unit_name)),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/review-reports/units',
    {
      schema: {
        tags,
        summary: 'Các đơn vị có thể lập báo cáo, như tại một ngày (kể cả đơn vị đã kết thúc mà đơn vị mình kế thừa)',
        querystring: ZReportUnitsQuery,
        response: { 200: ZReportUnitList },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      return {
        items: await findReportUnits(db, actor, {
          q: req.query.q,
          asOf: req.query.asOf ?? todayInVietnam(),
          limit: req.query.pageSize,
        }),
      };
    },
  );

  app.post(
    '/review-reports',
    {
      schema: {
        tags,
        summary: 'Lập báo cáo sơ kết, tổng kết: tính và lưu số liệu đến ngày chốt',
        body: ZCreateReviewReportBody,
        response: { 201: ZReviewReport },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const unit = await loadUnitOrPredecessorFor(db, actor, req.body.unitId, 'registry.read', 'registry.approve');
      const id = await createReviewReport(db, req.ctx, unit, {
        ...req.body,
        snapshotOn: req.body.snapshotOn ?? todayInVietnam(),
      });
      reply.code(201);
      return show(id);
    },
  );

  app.get(
    '/review-reports/:id',
    {
      schema: {
        tags,
        summary: 'Một báo cáo, với các cảnh báo tính nhất quán hiện tại',
        params: ZIdParams,
        response: { 200: ZReviewReport },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      return presentReviewReport(db, await loadReviewReportFor(db, actor, req.params.id));
    },
  );

  app.patch(
    '/review-reports/:id',
    {
      schema: {
        tags,
        summary: 'Sửa nội dung, số liệu sửa tay, số, ngày, người ký, nơi nhận',
        params: ZIdParams,
        body: ZUpdateReviewReportBody,
        response: { 200: ZReviewReport },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const row = await loadReviewReportFor(db, actor, req.params.id, 'registry.approve');
      await updateReviewReport(db, req.ctx, row, req.body);
      return show(row.id);
    },
  );

  app.post(
    '/review-reports/:id/refresh',
    {
      schema: {
        tags,
        summary: 'Tính lại số liệu đến ngày chốt của báo cáo',
        params: ZIdParams,
        body: ZReviewRevisionBody,
        response: { 200: ZReviewReport },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const row = await loadReviewReportFor(db, actor, req.params.id, 'registry.approve');
      const unit = await loadUnitOrPredecessorFor(db, actor, row.owner_unit_id, 'registry.read', 'registry.approve');
      await refreshReviewReport(db, req.ctx, row, unit, req.body.revision);
      return show(row.id);
    },
  );

  app.post(
    '/review-reports/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Xác nhận đã xem các cảnh báo hiện tại',
        params: ZIdParams,
        body: ZReviewRevisionBody,
        response: { 200: ZReviewReport },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const row = await loadReviewReportFor(db, actor, req.params.id, 'registry.approve');
      await acknowledgeWarnings(db, req.ctx, row, req.body.revision);
      return show(row.id);
    },
  );

  app.post(
    '/review-reports/:id/finalize',
    {
      schema: {
        tags,
        summary: 'Ký ban hành: đăng ký báo cáo vào sổ văn bản của đơn vị; từ đó báo cáo không sửa được nữa',
        params: ZIdParams,
        body: ZFinalizeReviewReportBody,
        response: { 200: ZReviewReport },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const row = await loadReviewReportFor(db, actor, req.params.id, 'registry.approve');
      const owner = await loadUnitOrPredecessorFor(db, actor, row.owner_unit_id, 'registry.read', 'documents.write');
      await finalizeReviewReport(db, req.ctx, row, owner, req.body.revision);
      return show(row.id);
    },
  );

  /** A report names units and exemplars: each download is audited once built, before it is sent. */
  const auditExport = (ctx: RequestContext, row: ReviewReportRow, fileName: string) =>
    auditRead(db, ctx, {
      action: 'review_report.exported',
      entityType: 'review_report',
      entityId: row.id,
      unitId: row.owner_unit_id,
      summary: `Tải "${fileName}" — ${row.title}${row.number ? ` (${row.number})` : ''}`,
    });

  app.get(
    '/review-reports/:id/docx',
    {
      schema: {
        tags,
        summary: 'Tải báo cáo (.docx, thể thức văn bản của Đảng)',
        params: ZIdParams,
        produces: [DOCX],
        response: binaryResponse('Báo cáo (.docx)', [MEDIA.docx]),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const row = await loadReviewReportFor(db, actor, req.params.id);
      await assertExportable(db, row);
      const buffer = await buildReviewDocx(db, row);
      await auditExport(req.ctx, row, exportName(row, 'docx'));
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', contentDisposition(exportName(row, 'docx')))
        .header('cache-control', 'private, no-store')
        .send(buffer);
    },
  );

  app.get(
    '/review-reports/:id/pdf',
    {
      schema: {
        tags,
        summary: 'Tải báo cáo (.pdf, khi máy chủ có LibreOffice)',
        params: ZIdParams,
        produces: ['application/pdf'],
        response: binaryResponse('Báo cáo (.pdf)', [MEDIA.pdf]),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const row = await loadReviewReportFor(db, actor, req.params.id);
      await assertExportable(db, row);
      const pdf = await docxToPdf(await buildReviewDocx(db, row));
      if (!pdf)
        throw new AppError('NOT_FOUND', 'Máy chủ chưa cài LibreOffice nên chưa tạo được bản PDF. Hãy tải bản .docx.');
      await auditExport(req.ctx, row, exportName(row, 'pdf'));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(exportName(row, 'pdf')))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/review-reports/:id/annex.xlsx',
    {
      schema: {
        tags,
        summary: 'Tải phụ lục số liệu (.xlsx, mỗi bảng một trang tính)',
        params: ZIdParams,
        produces: [XLSX],
        response: binaryResponse('Phụ lục số liệu (.xlsx)', [MEDIA.xlsx]),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const row = await loadReviewReportFor(db, actor, req.params.id);
      await assertExportable(db, row);
      const buffer = await buildReviewAnnex(row);
      await auditExport(req.ctx, row, exportName(row, 'xlsx').replace(/^Báo-cáo/, 'Phụ-lục'));
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(exportName(row, 'xlsx').replace(/^Báo-cáo/, 'Phụ-lục')))
        .header('cache-control', 'private, no-store')
        .send(buffer);
    },
  );

  documentSettingsRoutes(app);
}
