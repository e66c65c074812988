/**
 * .docx → .pdf through LibreOffice (`soffice --headless --convert-to pdf`),
 * when it is installed (apt: libreoffice-writer-nogui + fonts-liberation2,
 * whose Liberation Serif has the Vietnamese glyphs and Times New Roman's
 * metrics). Without LibreOffice there is no PDF (null), never a fake one.
 * Each conversion uses its own profile directory, so conversions can run
 * side by side.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];

/** The LibreOffice binary, or null when it is not installed (SOFFICE_PATH overrides). */
export function findSoffice(): string | null {
  const configured = process.env.SOFFICE_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export async function docxToPdf(docx: Buffer, timeoutMs = 120_000): Promise<Buffer | null> {
  const soffice = findSoffice();
  if (!soffice) return null;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dh-pdf-'));
  try {
    const input = path.join(dir, 'document.docx');
    await writeFile(input, docx);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--norestore',
          '--nolockcheck',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          input,
        ],
        { timeout: timeoutMs, env: { ...process.env, HOME: dir } },
        (error, _stdout, stderr) =>
          error ? reject(new Error(`LibreOffice không chuyển được sang PDF: ${stderr || error.message}`)) : resolve(),
      );
    });
    const output = path.join(dir, 'document.pdf');
    if (!existsSync(output)) throw new Error('LibreOffice không tạo ra tệp PDF.');
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
