/**
 * Certificates (Giấy khen, Bằng khen, Tuyên dương) as .docx: A4 landscape,
 * centred, Times New Roman, one certificate per page, inside a double page
 * border. The layout is in this module's named constants; the texts that vary
 * (the heading, the grantor line, the signer's title, the place) are derived
 * from data — the grantor unit's type (a Party committee, a grassroots
 * committee, a cell, a state agency) or, for an outside body, the award
 * form's rule (who grants it: a Party committee, a People's Committee…).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageBorderDisplay,
  PageBorderOffsetFrom,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { sql, type Kysely } from 'kysely';
import type { DB, GrantorKind } from '../../db/schema.ts';
import { placeDateLine } from '../../docgen/party-layout.ts';
import { nearestSettings } from '../../org/document-settings.ts';
import type { HonourRow } from './queries.ts';

/** Page and type sizes (points; millimetres for the page). The page is A4 turned landscape. */
export const CERTIFICATE_LAYOUT = {
  /** A4 given portrait; the section is turned landscape (297 × 210 mm). */
  pageWidthMm: 210,
  pageHeightMm: 297,
  margins: { topMm: 18, bottomMm: 15, leftMm: 22, rightMm: 22 },
  font: 'Times New Roman',
  /** Page border: double line, in eighths of a point, and its distance from the page edge (points). */
  border: { size: 18, spacePt: 24 },
  sizes: {
    heading: 14,
    motto: 13,
    grantor: 14,
    award: 30,
    honouree: 24,
    detail: 15,
    achievement: 15,
    decision: 13,
    placeDate: 14,
    signerTitle: 14,
    signerName: 15,
  },
  /** Space after each part, in twentieths of a point (240 = 12 pt). */
  spacing: { header: 240, award: 240, honouree: 120, detail: 60, achievement: 240 },
} as const;

export const PARTY_HEADING = 'ĐẢNG CỘNG SẢN VIỆT NAM';
export const STATE_HEADING = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const STATE_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** Used when the honour carries no achievement text. */
export const DEFAULT_ACHIEVEMENT = 'Đã có thành tích xuất sắc trong thực hiện nhiệm vụ.';

/** The signer's title lines, by who grants. */
export const SIGNER_TITLES = {
  /** Tỉnh ủy, Đảng ủy Khối, Huyện ủy: the standing committee signs. */
  standingCommittee: ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ'],
  /** Đảng ủy cơ sở. */
  partyCommittee: ['T/M ĐẢNG ỦY', 'BÍ THƯ'],
  /** Chi bộ. */
  partyCell: ['T/M CHI BỘ', 'BÍ THƯ'],
  /** A department of a committee (Ban …). */
  partyDepartment: ['TRƯỞNG BAN'],
  /** A People's Committee (Bằng khen of its chair). */
  peopleCommittee: ['CHỦ TỊCH'],
  /** A state agency, an enterprise, a school… */
  agencyHead: ['THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ'],
  other: [] as string[],
} as const;

/** Unit types (unit_type.code) whose standing committee signs; grassroots committees; cells; departments. */
const STANDING_COMMITTEE_TYPES = ['tinh_uy', 'dang_uy_khoi', 'huyen_uy'];
const GRASSROOTS_COMMITTEE_TYPES = ['dang_bo_co_so'];
const CELL_TYPES = ['chi_bo_co_so', 'chi_bo'];
const DEPARTMENT_TYPES = ['ban_dang'];

/** The place on the date line, read from a provincial body's name: "Tỉnh ủy Lào Cai" → "Lào Cai". */
const PLACE_PREFIX =
  /^(tỉnh ủy|thành ủy|đảng bộ tỉnh|đảng bộ thành phố|ủy ban nhân dân tỉnh|ủy ban nhân dân thành phố|ubnd tỉnh|ubnd thành phố|chủ tịch ủy ban nhân dân tỉnh)\s+/iu;

export function placeOf(...names: Array<string | null | undefined>): string {
  for (const name of names) {
    const text = (name ?? '').normalize('NFC').trim();
    const m = PLACE_PREFIX.exec(text);
    if (m && text.length > m[0].length) return text.slice(m[0].length).trim();
  }
  return '';
}

export interface CertificateData {
  /** Heading lines: "ĐẢNG CỘNG SẢN VIỆT NAM", or the state heading and motto. */
  heading: string;
  motto: string | null;
  grantor: string;
  awardName: string;
  /** "Ông" / "Bà" when the person's gender is known; null for collectives or when unknown. */
  honorific: string | null;
  displayName: string;
  position: string | null;
  unitName: string | null;
  achievement: string;
  decisionSymbol: string;
  decisionDate: string;
  place: string;
  signerTitle: readonly string[];
  signerName: string;
}

const vnUpper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi');

/** "ngày 05 tháng 02 năm 2026" (leading zeros as official documents write them). */
export function dateWords(iso: string): string {
  return placeDateLine('#', iso).replace(/^#, /, '');
}

export function achievementSentence(text: string | null): string {
  const t = (text ?? '').trim();
  if (!t) return DEFAULT_ACHIEVEMENT;
  if (/^đã có thành tích/iu.test(t)) return /[.!…]$/u.test(t) ? t : `${t}.`;
  const body = t.charAt(0).toLocaleLowerCase('vi') + t.slice(1);
  return `Đã có thành tích ${body}${/[.!…]$/u.test(body) ? '' : '.'}`;
}

interface GrantorFacts {
  typeCode: string | null;
  isParty: boolean;
  rootName: string | null;
  ruleKind: GrantorKind | null;
}

function signerTitleOf(r: HonourRow, g: GrantorFacts): readonly string[] {
  if (r.grantor_unit_id !== null) {
    const code = g.typeCode ?? '';
    if (STANDING_COMMITTEE_TYPES.includes(code)) return SIGNER_TITLES.standingCommittee;
    if (GRASSROOTS_COMMITTEE_TYPES.includes(code)) return SIGNER_TITLES.partyCommittee;
    if (CELL_TYPES.includes(code)) return SIGNER_TITLES.partyCell;
    if (DEPARTMENT_TYPES.includes(code)) return SIGNER_TITLES.partyDepartment;
    return g.isParty ? SIGNER_TITLES.standingCommittee : SIGNER_TITLES.agencyHead;
  }
  switch (g.ruleKind) {
    case 'party_committee':
      return SIGNER_TITLES.standingCommittee;
    case 'people_committee':
      return SIGNER_TITLES.peopleCommittee;
    case 'agency_head':
    case 'enterprise':
      return SIGNER_TITLES.agencyHead;
    default:
      return SIGNER_TITLES.other;
  }
}

/** Everything a certificate shows, for honours already loaded (and checked) by the caller. Set-based. */
export async function certificateData(db: Kysely<DB>, rows: HonourRow[]): Promise<CertificateData[]> {
  const grantorIds = [...new Set(rows.flatMap((r) => [r.grantor_unit_id ?? r.owner_unit_id]))];
  const ruleIds = [...new Set(rows.map((r) => r.award_rule_id).filter((v): v is number => v !== null))];
  const units = new Map(
    (grantorIds.length === 0
      ? []
      : await db
          .selectFrom('org_unit as ou')
          .select([
            'ou.id',
            sql<
              string | null
            >`(select t.code from org_unit_version v join unit_type t on t.id = v.type_id where v.unit_id = ou.id order by v.valid_from desc, v.id desc limit 1)`.as(
              'type_code',
            ),
            sql<boolean>`coalesce((select t.is_party from org_unit_version v join unit_type t on t.id = v.type_id where v.unit_id = ou.id order by v.valid_from desc, v.id desc limit 1), true)`.as(
              'is_party',
            ),
            sql<
              string | null
            >`(select v.name from org_unit_version v where v.unit_id = subpath(ou.current_path, 0, 1)::text::int order by v.valid_from desc, v.id desc limit 1)`.as(
              'root_name',
            ),
          ])
          .where('ou.id', 'in', grantorIds)
          .execute()
    ).map((u) => [u.id, u]),
  );
  const rules = new Map(
    (ruleIds.length === 0
      ? []
      : await db.selectFrom('award_form_rule').select(['id', 'grantor_kind']).where('id', 'in', ruleIds).execute()
    ).map((r) => [r.id, r.grantor_kind]),
  );
  // The place on the date line: the recording unit's document settings (thể thức văn bản), else read from a name.
  const places = new Map<number, string | null>();
  for (const id of new Set(rows.map((r) => r.owner_unit_id))) places.set(id, (await nearestSettings(db, id)).place);
  return rows.map((r) => {
    const unit = units.get(r.grantor_unit_id ?? r.owner_unit_id);
    const g: GrantorFacts = {
      typeCode: unit?.type_code ?? null,
      isParty: unit?.is_party ?? true,
      rootName: unit?.root_name ?? null,
      ruleKind: r.award_rule_id !== null ? (rules.get(r.award_rule_id) ?? null) : null,
    };
    const partyHeading =
      r.grantor_unit_id !== null ? g.isParty : g.ruleKind === 'party_committee' || g.ruleKind === null;
    const grantor = r.external_body ?? r.grantor_name ?? '';
    const individual = r.subject === 'individual';
    return {
      heading: partyHeading ? PARTY_HEADING : STATE_HEADING,
      motto: partyHeading ? null : STATE_MOTTO,
      grantor: vnUpper(grantor),
      awardName: r.award_name,
      honorific: individual ? (r.person_gender === 'male' ? 'Ông' : r.person_gender === 'female' ? 'Bà' : null) : null,
      displayName: r.display_name,
      position: individual ? r.position : null,
      unitName: individual ? r.unit_name : r.unit_name !== r.display_name ? r.unit_name : null,
      achievement: achievementSentence(r.achievement),
      decisionSymbol: r.decision_symbol,
      decisionDate: r.decision_issued_on,
      place: places.get(r.owner_unit_id) ?? placeOf(r.external_body, grantor, g.rootName),
      signerTitle: signerTitleOf(r, g),
      signerName: r.decision_signer ?? '',
    };
  });
}

const L = CERTIFICATE_LAYOUT;
const pt = (points: number) => points * 2; // docx sizes are half-points
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);

function line(
  text: string,
  size: number,
  o: {
    bold?: boolean;
    italic?: boolean;
    after?: number;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  } = {},
): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.CENTER,
    spacing: { after: o.after ?? 0 },
    children: [new TextRun({ text, bold: o.bold, italics: o.italic, size: pt(size), font: L.font })],
  });
}

function closing(c: CertificateData): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const cellBorders = { top: none, bottom: none, left: none, right: none };
  const dateLine = c.place
    ? placeDateLine(c.place, c.decisionDate)
    : `Ngày ${dateWords(c.decisionDate).replace(/^ngày /, '')}`;
  const left = [
    line(`Quyết định số ${c.decisionSymbol}, ${dateWords(c.decisionDate)}`, L.sizes.decision, { italic: true }),
  ];
  const right = [
    line(dateLine, L.sizes.placeDate, { italic: true, after: 60 }),
    ...c.signerTitle.map((t) => line(t, L.sizes.signerTitle, { bold: true })),
    line('', L.sizes.signerName, { after: 0 }),
    line('', L.sizes.signerName, { after: 0 }),
    line('', L.sizes.signerName, { after: 0 }),
    line(c.signerName, L.sizes.signerName, { bold: true }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: cellBorders, children: left }),
          new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: cellBorders, children: right }),
        ],
      }),
    ],
  });
}

function page(c: CertificateData): ISectionOptions {
  const border = { style: BorderStyle.DOUBLE, size: L.border.size, color: '8B0000', space: L.border.spacePt };
  const children: Array<Paragraph | Table> = [line(c.heading, L.sizes.heading, { bold: true })];
  if (c.motto) children.push(line(c.motto, L.sizes.motto, { bold: true }));
  children.push(line(c.grantor, L.sizes.grantor, { bold: true, after: L.spacing.header }));
  children.push(line(`TẶNG ${vnUpper(c.awardName)}`, L.sizes.award, { bold: true, after: L.spacing.award }));
  children.push(
    line(c.honorific ? `${c.honorific} ${c.displayName}` : c.displayName, L.sizes.honouree, {
      bold: true,
      after: L.spacing.honouree,
    }),
  );
  if (c.position) children.push(line(c.position, L.sizes.detail, { after: L.spacing.detail }));
  if (c.unitName) children.push(line(c.unitName, L.sizes.detail, { after: L.spacing.detail }));
  children.push(line(c.achievement, L.sizes.achievement, { italic: true, after: L.spacing.achievement }));
  children.push(closing(c));
  return {
    properties: {
      page: {
        size: { width: twip(L.pageWidthMm), height: twip(L.pageHeightMm), orientation: PageOrientation.LANDSCAPE },
        margin: {
          top: twip(L.margins.topMm),
          bottom: twip(L.margins.bottomMm),
          left: twip(L.margins.leftMm),
          right: twip(L.margins.rightMm),
        },
        borders: {
          pageBorders: { display: PageBorderDisplay.ALL_PAGES, offsetFrom: PageBorderOffsetFrom.PAGE },
          pageBorderTop: border,
          pageBorderBottom: border,
          pageBorderLeft: border,
          pageBorderRight: border,
        },
      },
    },
    children,
  };
}

/** One .docx with one certificate per page (each its own landscape section, so each starts a new page). */
export async function buildCertificatesDocx(certs: CertificateData[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'Điển hình',
    title:
      certs.length === 1
        ? `${certs[0]!.awardName} — ${certs[0]!.displayName}`
        : `${certs[0]?.awardName ?? 'Khen thưởng'} — Quyết định số ${certs[0]?.decisionSymbol ?? ''}`,
    styles: { default: { document: { run: { font: L.font, size: pt(L.sizes.detail) } } } },
    sections: certs.map(page),
  });
  return Packer.toBuffer(doc);
}

/** "Giấy-khen-12-Đỗ-Tuấn-Lương.docx" / "Giấy-khen-125-QĐ-ĐUK.docx". */
export function certificateFileName(awardName: string, tail: string, ext: 'docx' | 'pdf'): string {
  const slug = (s: string) =>
    s
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '');
  return `${slug(awardName)}-${slug(tail)}.${ext}`;
}
