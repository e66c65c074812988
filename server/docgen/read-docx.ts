/**
 * Reading a .docx back, for tests: the text Word would show (paragraphs and
 * table cells, in order) and the footnotes, through a real docx reader
 * (mammoth), not a search in the XML.
 */
import mammoth from 'mammoth';

export interface DocxText {
  /** Paragraph texts in document order (table cells included), empty ones dropped. */
  paragraphs: string[];
  /** Footnote texts in order. */
  footnotes: string[];
}

export async function readDocx(buffer: Buffer): Promise<DocxText> {
  const { value: html } = await mammoth.convertToHtml({ buffer });
  const decode = (s: string) =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .trim();
  const notesStart = html.indexOf('<ol><li id="footnote-');
  const bodyHtml = notesStart >= 0 ? html.slice(0, notesStart) : html;
  const notesHtml = notesStart >= 0 ? html.slice(notesStart) : '';
  const paragraphs = [...bodyHtml.matchAll(/<(p|h\d)[^>]*>([\s\S]*?)<\/\1>/g)]
    .map((m) => decode((m[2] ?? '').replace(/<sup>[\s\S]*?<\/sup>/g, '')))
    .filter((p) => p !== '');
  const footnotes = [...notesHtml.matchAll(/<li id="footnote-[^"]*">([\s\S]*?)<\/li>/g)].map((m) =>
    decode((m[1] ?? '').replace(/<a [^>]*>[\s\S]*?<\/a>/g, '')),
  );
  return { paragraphs, footnotes };
}
