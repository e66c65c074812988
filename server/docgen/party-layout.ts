/**
 * Layout parameters of a Party document (Hướng dẫn 36-HD/VPTW, 03/4/2018):
 * settings, not code, because the rules change (a successor guideline was
 * reported in 2026). Sizes are in points; margins in millimetres.
 */
export interface PartyLayout {
  /** A4: 210 × 297 mm. */
  pageWidthMm: number;
  pageHeightMm: number;
  margins: { topMm: number; bottomMm: number; leftMm: number; rightMm: number };
  font: string;
  /** "ĐẢNG CỘNG SẢN VIỆT NAM" — caps, bold, with a solid rule underneath. */
  partyHeading: string;
  sizes: {
    partyHeading: number;
    superior: number;
    issuer: number;
    number: number;
    placeDate: number;
    docType: number;
    summary: number;
    body: number;
    table: number;
    recipientsHeading: number;
    recipients: number;
    signature: number;
    footnote: number;
  };
  /** Body paragraphs: first-line indent (mm), space after (pt), line spacing (multiple). */
  body: { firstLineIndentMm: number; spaceAfterPt: number; lineSpacing: number };
}

export const DEFAULT_PARTY_LAYOUT: PartyLayout = {
  pageWidthMm: 210,
  pageHeightMm: 297,
  margins: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 },
  font: 'Times New Roman',
  partyHeading: 'ĐẢNG CỘNG SẢN VIỆT NAM',
  sizes: {
    partyHeading: 15,
    superior: 14,
    issuer: 14,
    number: 14,
    placeDate: 14,
    docType: 16,
    summary: 14,
    body: 14,
    table: 12,
    recipientsHeading: 14,
    recipients: 12,
    signature: 14,
    footnote: 10,
  },
  body: { firstLineIndentMm: 12.7, spaceAfterPt: 6, lineSpacing: 1.15 },
};

/** A partial override (from settings) applied over the defaults. */
export type PartyLayoutOverride = Partial<Omit<PartyLayout, 'margins' | 'sizes' | 'body'>> & {
  margins?: Partial<PartyLayout['margins']>;
  sizes?: Partial<PartyLayout['sizes']>;
  body?: Partial<PartyLayout['body']>;
};

export function resolveLayout(override: PartyLayoutOverride = {}): PartyLayout {
  const d = DEFAULT_PARTY_LAYOUT;
  return {
    ...d,
    ...override,
    margins: { ...d.margins, ...override.margins },
    sizes: { ...d.sizes, ...override.sizes },
    body: { ...d.body, ...override.body },
  };
}

/** `top` over `base`, one level deep for margins, sizes and body (a unit's settings, then a report's own). */
export function mergeLayout(base: PartyLayoutOverride, top: PartyLayoutOverride): PartyLayoutOverride {
  const out: PartyLayoutOverride = { ...base, ...top };
  for (const key of ['margins', 'sizes', 'body'] as const) {
    if (base[key] || top[key]) (out as Record<string, unknown>)[key] = { ...base[key], ...top[key] };
  }
  return out;
}

/**
 * "Lào Cai, ngày 05 tháng 02 năm 2026": days under 10 and the months
 * January and February take a leading zero, as official documents write them.
 * With no date, the blanks are left for the clerk: "Lào Cai, ngày    tháng    năm 2026".
 */
export function placeDateLine(place: string, isoDate: string | null, year?: number): string {
  if (!isoDate) return `${place}, ngày     tháng     năm ${year ?? ''}`.trimEnd();
  const [y = 0, m = 0, d = 0] = isoDate.split('-').map(Number);
  const day = d < 10 ? `0${d}` : String(d);
  const month = m < 3 ? `0${m}` : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}
