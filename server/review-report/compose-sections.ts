/** Sections I (leadership), II (implementation, with the commendation funnel) and IV–VI (assessment, directions, recommendations) of a review report. */
import { FUNNEL_STAGE_LABELS, FUNNEL_STAGES, type FunnelStage } from '../../common/schemas/honours-funnel.ts';
import type { Inline } from '../docgen/party-document.ts';
import { citeDate, n, type Composer } from './compose-context.ts';

/** I. Leadership: the operator's text and the unit's own documents, cited in a footnote. */
export function composeLeadership(c: Composer): void {
  const { figures, heading, operatorText, sentence, footnoteFor, unitDocs } = c;
  heading(1, 'I', 'CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO');
  operatorText('leadership', 'I');
  if (unitDocs.length > 0) {
    sentence('I', [
      `Trong kỳ, ${figures.unit.name} đã ban hành ${n(unitDocs.length)} văn bản lãnh đạo, chỉ đạo, hướng dẫn thực hiện.`,
      ...footnoteFor(unitDocs, 'I'),
    ]);
  }
}

/** II. Implementation: registration on the list (citing the plan) and the commendation funnel. */
export function composeImplementation(c: Composer): void {
  const { figures, figs, citations, tables, v, heading, operatorText, sentence, planDoc, registration } = c;
  heading(1, 'II', 'CÔNG TÁC TRIỂN KHAI THỰC HIỆN');
  operatorText('implementation', 'II');
  const planInline: Inline[] = planDoc
    ? [` (thực hiện ${planDoc.typeName} số ${planDoc.symbol}, ngày ${citeDate(planDoc.issuedOn)})`]
    : [];
  if (planDoc) citations.push({ symbol: planDoc.symbol, dateText: citeDate(planDoc.issuedOn), section: 'II' });
  const reg = registration('II');
  sentence('II', [reg.replace(/\.$/, ''), ...planInline, '.']);

  // Commendation (the seed's II.4): the funnel of the unit's rounds in the period, each number typed over like the others.
  const honours = figures.honours;
  if (honours && honours.rounds.length > 0) {
    const stage = (st: FunnelStage, subject: 'collectives' | 'individuals', label: string) => {
      const computed = honours.stages.find((x) => x.stage === st)?.[subject] ?? 0;
      const key = `honours.${st}.${subject}`;
      const value = v(key, computed);
      figs.push({ key, label, value, section: 'II' });
      return value;
    };
    const two = (x: number) => (x > 0 && x < 10 ? `0${x}` : n(x));
    const selfC = stage('self_granted', 'collectives', 'Số tập thể được cơ sở tuyên dương, khen thưởng');
    const selfI = stage('self_granted', 'individuals', 'Số cá nhân được cơ sở tuyên dương, khen thưởng');
    const propC = stage('proposed', 'collectives', 'Số tập thể cơ sở đề nghị khen thưởng');
    const propI = stage('proposed', 'individuals', 'Số cá nhân cơ sở đề nghị khen thưởng');
    const decC = stage('decided', 'collectives', 'Số tập thể được khen thưởng');
    const decI = stage('decided', 'individuals', 'Số cá nhân được khen thưởng');
    const outC = stage('proposed_outside', 'collectives', 'Số tập thể đề nghị cấp trên khen thưởng');
    const outI = stage('proposed_outside', 'individuals', 'Số cá nhân đề nghị cấp trên khen thưởng');
    const outDecC = stage('decided_outside', 'collectives', 'Số tập thể được cấp trên khen thưởng');
    const outDecI = stage('decided_outside', 'individuals', 'Số cá nhân được cấp trên khen thưởng');
    const parts = [
      `Qua tổng hợp, đã có ${n(selfC)} tập thể và ${n(selfI)} cá nhân được các cấp ủy cơ sở tuyên dương, khen thưởng`,
      `cấp ủy cơ sở đã đề nghị khen thưởng ${n(propC)} tập thể và ${n(propI)} cá nhân`,
      `${figures.unit.name} đã ban hành quyết định khen thưởng ${n(decC)} tập thể và ${n(decI)} cá nhân`,
    ];
    if (outC + outI > 0)
      parts.push(
        `đề nghị cấp trên khen thưởng ${two(outI)} cá nhân và ${two(outC)} tập thể${outDecC + outDecI > 0 ? ` (đã được khen thưởng ${n(outDecC)} tập thể, ${n(outDecI)} cá nhân)` : ''}`,
      );
    sentence('II', [`${parts.join('; ')}.`]);
    tables.push({
      sheet: 'Khen thưởng',
      caption: `Kết quả tuyên dương, khen thưởng (${honours.rounds.map((r) => r.name).join('; ')})`,
      headers: ['Bước', 'Tập thể', 'Cá nhân'],
      rows: FUNNEL_STAGES.map((st) => [
        FUNNEL_STAGE_LABELS[st],
        honours.stages.find((x) => x.stage === st)?.collectives ?? 0,
        honours.stages.find((x) => x.stage === st)?.individuals ?? 0,
      ]),
      totalRow: false,
    });
  }
}

/** IV–VI and the closing: the operator's texts under their headings. */
export function composeAssessment(c: Composer): void {
  const { heading, operatorText } = c;
  heading(1, 'IV', 'ĐÁNH GIÁ CHUNG');
  heading(2, '1', 'Ưu điểm');
  operatorText('strengths', 'IV.1');
  heading(2, '2', 'Hạn chế, khuyết điểm');
  operatorText('weaknesses', 'IV.2');
  heading(2, '3', 'Nguyên nhân của hạn chế, khuyết điểm');
  operatorText('causes', 'IV.3');
  heading(1, 'V', 'PHƯƠNG HƯỚNG NHIỆM VỤ THỜI GIAN TỚI');
  operatorText('directions', 'V');
  heading(1, 'VI', 'KIẾN NGHỊ, ĐỀ XUẤT');
  operatorText('recommendations', 'VI');
  operatorText('closing', 'Kết luận');
}
