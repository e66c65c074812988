/** The reporting loop's dashboard as statistics tables: one per chart, each a sheet of the .xlsx download. */
import { formatDateVi } from '../../common/dates.ts';
import type { TDashboard } from '../../common/schemas/evaluation.ts';
import type { StatTable } from '../docgen/xlsx-tables.ts';

export function dashboardTables(d: TDashboard): Record<'completeness' | 'met' | 'trend', StatTable> {
  const c = d.completeness;
  return {
    completeness: {
      sheet: 'Tình hình báo cáo',
      caption: c ? `Tình hình báo cáo kỳ ${c.period.name} (hạn ${formatDateVi(c.period.dueOn)})` : 'Chưa có kỳ báo cáo',
      headers: [
        'Đơn vị',
        'Phải báo cáo',
        'Chưa làm',
        'Đang soạn',
        'Bị trả lại',
        'Đã gửi',
        'Đã tiếp nhận',
        'Quá hạn',
        'Tỷ lệ đã gửi',
      ],
      rows: c
        ? [
            ...c.children.map((r) => [
              r.unit.name,
              r.expected,
              r.none,
              r.draft,
              r.returned,
              r.submitted,
              r.accepted,
              r.late,
              r.submittedPercent === null ? '' : `${r.submittedPercent}%`,
            ]),
            [
              'Tổng cộng',
              c.total.expected,
              c.total.none,
              c.total.draft,
              c.total.returned,
              c.total.submitted,
              c.total.accepted,
              c.total.late,
              c.total.submittedPercent === null ? '' : `${c.total.submittedPercent}%`,
            ],
          ]
        : [],
      totalRow: !!c,
    },
    met: {
      sheet: 'Đạt tiêu chí',
      caption: d.period ? `Kết quả đạt tiêu chí kỳ ${d.period.name}, theo lĩnh vực và cấp` : 'Kết quả đạt tiêu chí',
      headers: ['Lĩnh vực', 'Cấp', 'Phải đánh giá', 'Đã đánh giá', 'Đạt', 'Không đạt', 'Chưa đánh giá'],
      rows: [
        ...d.metByFieldAndLevel.map((r) => [
          r.field.name,
          r.level.name,
          r.expected,
          r.evaluated,
          r.met,
          r.notMet,
          r.undecided,
        ]),
        ['Tổng cộng', '', d.totals.expected, d.totals.evaluated, d.totals.met, d.totals.notMet, d.totals.undecided],
      ],
      totalRow: true,
    },
    trend: {
      sheet: 'Diễn biến qua các kỳ',
      caption: `Diễn biến qua các kỳ của ${d.plan.title}`,
      headers: ['Kỳ', 'Ngày kết thúc', 'Phải báo cáo', 'Đã gửi', 'Đã tiếp nhận', 'Đã đánh giá', 'Đạt'],
      rows: d.trend.map((r) => [
        r.period.name,
        formatDateVi(r.period.endsOn),
        r.expected,
        r.submitted,
        r.accepted,
        r.evaluated,
        r.met,
      ]),
      totalRow: false,
    },
  };
}
