/**
 * A Party document (văn bản của Đảng) as .docx, laid out per Hướng dẫn
 * 36-HD/VPTW: the superior committee and the issuing committee top left with
 * the asterisk line and the number ("Số 15-BC/ĐUK"), "ĐẢNG CỘNG SẢN VIỆT NAM"
 * top right with its rule and the place and date in italics, the document
 * type and summary, the body, footnotes citing documents, recipients
 * (Nơi nhận) and the signature block ("T/M BAN THƯỜNG VỤ"). Reports,
 * minutes, decisions and certificates describe their content as blocks and
 * get the format from here; the layout comes from settings (party-layout.ts).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { placeDateLine, resolveLayout, type PartyLayout, type PartyLayoutOverride } from './party-layout.ts';

/** Inline content: plain text, styled text, or a footnote attached at that point. */
export type Inline = string | { text: string; bold?: boolean; italic?: boolean } | { footnote: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; content: Inline[]; align?: 'justify' | 'center' | 'left'; indent?: boolean }
  | {
      kind: 'table';
      caption?: string;
      headers: string[];
      rows: Array<Array<string | number>>;
      widths?: number[];
      totalRow?: boolean;
    }
  | { kind: 'pageBreak' };

export interface PartyDocumentSpec {
  layout?: PartyLayoutOverride;
  /** The superior committee, e.g. "ĐẢNG BỘ TỈNH LÀO CAI" (null: none). */
  superior: string | null;
  /** The issuing committee, e.g. "ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH". */
  issuer: string;
  /** "Số 15-BC/ĐUK", or with a blank number "Số    -BC/ĐUK". */
  number: string;
  place: string;
  /** ISO date, or null to leave the day and month blank. */
  date: string | null;
  year?: number;
  /** "BÁO CÁO", "QUYẾT ĐỊNH", "BIÊN BẢN"… */
  docType: string;
  /** Trích yếu: one or more lines under the type. */
  summary: string[];
  body: Block[];
  /** Nơi nhận, one line each (without the leading dash). */
  recipients: string[];
  signature: { authority: string | null; title: string; name: string } | null;
}

const pt = (points: number) => points * 2; // docx sizes are half-points
/** Millimetres to twips, rounded (docx's own helper truncates: A4 would come out 1 twip short). */
const convertMillimetersToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);

function runsOf(
  content: Inline[],
  size: number,
  font: string,
  footnotes: Map<number, string>,
): Array<TextRun | FootnoteReferenceRun> {
  return content.map((inline) => {
    if (typeof inline === 'string') return new TextRun({ text: inline, size: pt(size), font });
    if ('footnote' in inline) {
      const id = footnotes.size + 1;
      footnotes.set(id, inline.footnote);
      return new FootnoteReferenceRun(id);
    }
    return new TextRun({ text: inline.text, bold: inline.bold, italics: inline.italic, size: pt(size), font });
  });
}

function centered(
  text: string,
  size: number,
  font: string,
  o: { bold?: boolean; italic?: boolean; underline?: boolean; after?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: o.after ?? 0 },
    children: [
      new TextRun({
        text,
        bold: o.bold,
        italics: o.italic,
        size: pt(size),
        font,
        underline: o.underline ? { type: UnderlineType.SINGLE } : undefined,
      }),
    ],
  });
}

function headerTable(spec: PartyDocumentSpec, L: PartyLayout): Table {
  const left: Paragraph[] = [];
  if (spec.superior) left.push(centered(spec.superior.toUpperCase(), L.sizes.superior, L.font));
  left.push(centered(spec.issuer.toUpperCase(), L.sizes.issuer, L.font, { bold: true }));
  left.push(centered('*', L.sizes.issuer, L.font));
  left.push(centered(spec.number, L.sizes.number, L.font));
  const right: Paragraph[] = [
    centered(L.partyHeading, L.sizes.partyHeading, L.font, { bold: true, underline: true, after: 240 }),
    centered(placeDateLine(spec.place, spec.date, spec.year), L.sizes.placeDate, L.font, { italic: true }),
  ];
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      children,
      width: { size: width, type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlignTable.TOP,
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, 45), cell(right, 55)] })],
  });
}

function bodyParagraph(
  content: Inline[],
  L: PartyLayout,
  footnotes: Map<number, string>,
  o: { align?: 'justify' | 'center' | 'left'; indent?: boolean; bold?: boolean } = {},
): Paragraph {
  const align =
    o.align === 'center' ? AlignmentType.CENTER : o.align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED;
  return new Paragraph({
    alignment: align,
    indent: o.indent === false ? undefined : { firstLine: convertMillimetersToTwip(L.body.firstLineIndentMm) },
    spacing: {
      after: L.body.spaceAfterPt * 20,
      line: Math.round(L.body.lineSpacing * 240),
      lineRule: LineRuleType.AUTO,
    },
    children: runsOf(
      o.bold ? content.map((c) => (typeof c === 'string' ? { text: c, bold: true } : c)) : content,
      L.sizes.body,
      L.font,
      footnotes,
    ),
  });
}

function dataTable(block: Extract<Block, { kind: 'table' }>, L: PartyLayout): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cellOf = (value: string | number, header: boolean, bold: boolean, width?: number) =>
    new TableCell({
      width: width ? { size: width, type: WidthType.PERCENTAGE } : undefined,
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          alignment: typeof value === 'number' || header ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [
            new TextRun({
              text: typeof value === 'number' ? value.toLocaleString('vi-VN') : value,
              bold: header || bold,
              size: pt(L.sizes.table),
              font: L.font,
            }),
          ],
        }),
      ],
    });
  const rows = [
    new TableRow({
      tableHeader: true,
      children: block.headers.map((h, i) => cellOf(h, true, false, block.widths?.[i])),
    }),
    ...block.rows.map(
      (row, r) =>
        new TableRow({
          children: row.map((v, i) =>
            cellOf(v, false, !!block.totalRow && r === block.rows.length - 1, block.widths?.[i]),
          ),
        }),
    ),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows,
  });
}

function closingTable(spec: PartyDocumentSpec, L: PartyLayout): Table {
  const left: Paragraph[] = [];
  if (spec.recipients.length > 0) {
    left.push(
      new Paragraph({
        children: [
          new TextRun({
            text: 'Nơi nhận:',
            bold: true,
            underline: { type: UnderlineType.SINGLE },
            size: pt(L.sizes.recipientsHeading),
            font: L.font,
          }),
        ],
      }),
    );
    spec.recipients.forEach((r, i) => {
      const last = i === spec.recipients.length - 1;
      const text = `- ${r.replace(/[,.;]\s*$/, '')}${last ? '.' : ','}`;
      left.push(new Paragraph({ children: [new TextRun({ text, size: pt(L.sizes.recipients), font: L.font })] }));
    });
  }
  const right: Paragraph[] = [];
  if (spec.signature) {
    if (spec.signature.authority)
      right.push(centered(spec.signature.authority.toUpperCase(), L.sizes.signature, L.font, { bold: true }));
    right.push(centered(spec.signature.title.toUpperCase(), L.sizes.signature, L.font, { bold: true, after: 1440 }));
    right.push(centered(spec.signature.name, L.sizes.signature, L.font, { bold: true }));
  }
  if (left.length === 0) left.push(new Paragraph({ children: [] }));
  if (right.length === 0) right.push(new Paragraph({ children: [] }));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({ children: left, width: { size: 50, type: WidthType.PERCENTAGE } }),
          new TableCell({ children: right, width: { size: 50, type: WidthType.PERCENTAGE } }),
        ],
      }),
    ],
  });
}

/** Build the document; `packPartyDocument` turns it into bytes. */
export function buildPartyDocument(spec: PartyDocumentSpec): Document {
  const L = resolveLayout(spec.layout);
  const footnotes = new Map<number, string>();
  const children: Array<Paragraph | Table> = [headerTable(spec, L), new Paragraph({ children: [] })];
  children.push(centered(spec.docType.toUpperCase(), L.sizes.docType, L.font, { bold: true }));
  for (const line of spec.summary) children.push(centered(line, L.sizes.summary, L.font, { bold: true }));
  children.push(centered('-----', L.sizes.summary, L.font, { after: 240 }));

  for (const block of spec.body) {
    if (block.kind === 'heading') {
      children.push(
        bodyParagraph([block.text], L, footnotes, { bold: true, indent: block.level > 1, align: 'justify' }),
      );
    } else if (block.kind === 'paragraph') {
      children.push(bodyParagraph(block.content, L, footnotes, { align: block.align, indent: block.indent }));
    } else if (block.kind === 'table') {
      if (block.caption)
        children.push(
          bodyParagraph([{ text: block.caption, bold: true }], L, footnotes, { align: 'center', indent: false }),
        );
      children.push(dataTable(block, L));
      children.push(new Paragraph({ children: [] }));
    } else {
      children.push(new Paragraph({ pageBreakBefore: true, children: [] }));
    }
  }
  children.push(new Paragraph({ children: [] }));
  children.push(closingTable(spec, L));

  return new Document({
    creator: 'Điển hình',
    title: [spec.docType, ...spec.summary].join(' '),
    styles: { default: { document: { run: { font: L.font, size: pt(L.sizes.body) } } } },
    footnotes: Object.fromEntries(
      [...footnotes.entries()].map(([id, text]) => [
        id,
        { children: [new Paragraph({ children: [new TextRun({ text, size: pt(L.sizes.footnote), font: L.font })] })] },
      ]),
    ),
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(L.pageWidthMm), height: convertMillimetersToTwip(L.pageHeightMm) },
            margin: {
              top: convertMillimetersToTwip(L.margins.topMm),
              bottom: convertMillimetersToTwip(L.margins.bottomMm),
              left: convertMillimetersToTwip(L.margins.leftMm),
              right: convertMillimetersToTwip(L.margins.rightMm),
            },
          },
        },
        children,
      },
    ],
  });
}

export async function packPartyDocument(spec: PartyDocumentSpec): Promise<Buffer> {
  return Packer.toBuffer(buildPartyDocument(spec));
}
