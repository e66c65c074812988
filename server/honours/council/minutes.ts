/**
 * Biên bản họp Hội đồng Thi đua – Khen thưởng as a Party-format .docx
 * (packPartyDocument): who sat and who was absent, and for each candidate the
 * award, the rule in words, the counts and whether it passed; signed by the
 * chair and the secretary. Only a closed session has minutes.
 */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import { COUNCIL_ROLE_LABELS } from '../../../common/schemas/honours-council.ts';
import { HONOUR_SUBJECT_LABELS } from '../../../common/schemas/honours-flow.ts';
import type { DB } from '../../db/schema.ts';
import { nearestSettings } from '../../org/document-settings.ts';
import { packPartyDocument, type Block } from '../../docgen/party-document.ts';
import { invalidState } from '../../lib/errors.ts';
import { parseResult, ruleSummaryOf } from './presenter.ts';
import { getAgenda, getMembers, getRecusals, type CouncilRow } from './queries.ts';

const percent = (p: number | null) => (p === null ? '—' : `${String(p).replace('.', ',')}%`);

async function unitHeader(db: Kysely<DB>, unitId: number): Promise<{ name: string; parentName: string | null }> {
  const v = await db
    .selectFrom('org_unit_version as v')
    .select(['v.name', 'v.parent_id'])
    .where('v.unit_id', '=', unitId)
    .orderBy('v.valid_from', 'desc')
    .orderBy('v.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!v) return { name: '', parentName: null };
  if (v.parent_id === null) return { name: v.name, parentName: null };
  const p = await db
    .selectFrom('org_unit_version')
    .select('name')
    .where('unit_id', '=', v.parent_id)
    .orderBy('valid_from', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { name: v.name, parentName: p?.name ?? null };
}

export const minutesFileName = (r: Pick<CouncilRow, 'id' | 'held_on'>) =>
  `Biên-bản-họp-Hội-đồng-Thi-đua-Khen-thưởng-${r.id}-${r.held_on}.docx`;

export async function buildCouncilMinutes(db: Kysely<DB>, r: CouncilRow): Promise<Buffer> {
  if (r.status !== 'closed') {
    throw invalidState(
      `Phiên họp "${r.title}" chưa kết thúc: biên bản chỉ lập được sau khi kết thúc phiên họp và kiểm phiếu.`,
    );
  }
  const [unit, members, agenda, recusals, settings] = [
    await unitHeader(db, r.unit_id),
    await getMembers(db, r.id),
    await getAgenda(db, r.id),
    await getRecusals(db, r.id),
    await nearestSettings(db, r.unit_id),
  ];
  const present = members.filter((m) => m.present);
  const absent = members.filter((m) => !m.present);
  const chair = members.find((m) => m.role === 'chair');
  const secretary = members.find((m) => m.role === 'secretary');
  const memberLine = (m: (typeof members)[number]) =>
    `${m.full_name}${m.position ? `, ${m.position}` : ''} — ${COUNCIL_ROLE_LABELS[m.role]}`;

  const body: Block[] = [];
  const para = (text: string) => body.push({ kind: 'paragraph', content: [text] });
  para(
    `Hôm nay, ngày ${formatDateVi(r.held_on)}${r.location ? `, tại ${r.location}` : ''}, ${unit.name} tổ chức họp Hội đồng Thi đua – Khen thưởng xét đề nghị khen thưởng trong đợt "${r.round_name}".`,
  );
  body.push({ kind: 'heading', level: 1, text: 'I. THÀNH PHẦN' });
  para(`Tổng số thành viên Hội đồng: ${members.length}; có mặt: ${present.length}; vắng mặt: ${absent.length}.`);
  body.push({ kind: 'heading', level: 2, text: `Thành viên có mặt (${present.length}):` });
  for (const m of present) body.push({ kind: 'paragraph', content: [`- ${memberLine(m)}`] });
  body.push({ kind: 'heading', level: 2, text: `Thành viên vắng mặt (${absent.length}):` });
  if (absent.length === 0) para('- Không.');
  for (const m of absent) body.push({ kind: 'paragraph', content: [`- ${memberLine(m)}`] });
  if (chair)
    para(
      `Chủ trì: ${chair.full_name}, ${COUNCIL_ROLE_LABELS.chair}.${secretary ? ` Thư ký: ${secretary.full_name}.` : ''}`,
    );

  body.push({ kind: 'heading', level: 1, text: 'II. NỘI DUNG VÀ KẾT QUẢ BIỂU QUYẾT' });
  para(`Hội đồng xem xét ${agenda.length} hồ sơ đề nghị khen thưởng. Kết quả biểu quyết từng hồ sơ như sau:`);
  agenda.forEach((a, i) => {
    const res = parseResult(a.result);
    body.push({ kind: 'heading', level: 2, text: `${i + 1}. ${a.display_name}` });
    para(
      `Đối tượng: ${HONOUR_SUBJECT_LABELS[a.subject]}${a.position ? `; chức vụ: ${a.position}` : ''}; đơn vị: ${a.candidate_unit_name}; đơn vị đề nghị: ${a.proposer_unit_name}.`,
    );
    para(`Hình thức khen thưởng: ${a.award_name}. Quy định xét: ${ruleSummaryOf(a)}`);
    const itemRecusals = recusals.filter((x) => x.candidate_id === a.candidate_id);
    if (itemRecusals.length > 0)
      para(
        `Thành viên khai xung đột lợi ích, không bỏ phiếu: ${itemRecusals.map((x) => `${x.full_name} (${x.reason})`).join('; ')}.`,
      );
    if (res) {
      para(
        `Kết quả: Đồng ý ${res.yes}; Không đồng ý ${res.no}; Không biểu quyết ${res.abstain}; Không tham gia do xung đột lợi ích ${res.recused}; Không bỏ phiếu ${res.notVoted}. Tỷ lệ đồng ý: ${percent(res.yesPercent)} (trên ${res.base} phiếu tính tỷ lệ${res.yesNeeded !== null ? `, cần ít nhất ${res.yesNeeded} phiếu đồng ý` : ''}).`,
      );
      body.push({
        kind: 'paragraph',
        content: [
          {
            text: res.passed
              ? 'Kết luận: Được thông qua.'
              : res.quorumMet
                ? 'Kết luận: Không được thông qua.'
                : `Kết luận: Không được thông qua (phiên họp không đủ số thành viên có mặt: ${res.present}/${res.members}, cần ${res.quorumNeeded}).`,
            bold: true,
          },
        ],
      });
    }
  });

  body.push({
    kind: 'table',
    caption: 'TỔNG HỢP KẾT QUẢ BIỂU QUYẾT',
    headers: [
      'TT',
      'Tập thể, cá nhân',
      'Hình thức khen thưởng',
      'Đồng ý',
      'Không đồng ý',
      'Không biểu quyết',
      'Xung đột lợi ích',
      'Tỷ lệ đồng ý',
      'Kết quả',
    ],
    widths: [5, 24, 17, 8, 9, 9, 9, 9, 10],
    rows: agenda.map((a, i) => {
      const res = parseResult(a.result);
      return [
        i + 1,
        a.display_name,
        a.award_name,
        res?.yes ?? 0,
        res?.no ?? 0,
        res?.abstain ?? 0,
        res?.recused ?? 0,
        percent(res?.yesPercent ?? null),
        res?.passed ? 'Thông qua' : 'Không thông qua',
      ];
    }),
  });

  const passed = agenda.filter((a) => a.passed).length;
  body.push({ kind: 'heading', level: 1, text: 'III. KẾT LUẬN' });
  para(
    `Hội đồng thông qua ${passed}/${agenda.length} hồ sơ đề nghị khen thưởng; ${agenda.length - passed} hồ sơ không được thông qua.`,
  );
  para('Biên bản được lập xong và thông qua tại phiên họp; các thành viên nhất trí với nội dung biên bản.');
  // The secretary signs on the left of the chair; the Party layout has one signature block, so the secretary's comes first.
  body.push({ kind: 'paragraph', align: 'left', indent: false, content: [{ text: 'THƯ KÝ HỘI ĐỒNG', bold: true }] });
  body.push({
    kind: 'paragraph',
    align: 'left',
    indent: false,
    content: [{ text: '(Ký, ghi rõ họ tên)', italic: true }],
  });
  body.push({ kind: 'paragraph', align: 'left', indent: false, content: [''] });
  body.push({
    kind: 'paragraph',
    align: 'left',
    indent: false,
    content: [{ text: secretary?.full_name ?? '', bold: true }],
  });

  return packPartyDocument({
    superior: unit.parentName ? unit.parentName.toLocaleUpperCase('vi') : null,
    issuer: `HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG ${unit.name.toLocaleUpperCase('vi')}`,
    number: 'Số      -BB',
    // The place of the unit's documents (thể thức văn bản settings), not the meeting room.
    place: settings.place ?? '………',
    layout: settings.layout,
    date: r.held_on,
    year: Number(r.held_on.slice(0, 4)),
    docType: 'BIÊN BẢN',
    summary: ['Họp Hội đồng Thi đua – Khen thưởng', r.title],
    body,
    recipients: [`${unit.name} (để báo cáo)`, 'Các đơn vị đề nghị', 'Lưu hồ sơ khen thưởng'],
    signature: { authority: null, title: 'CHỦ TỊCH HỘI ĐỒNG', name: chair?.full_name ?? '' },
  });
}
