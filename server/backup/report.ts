/** What a backup or a restore did, in Vietnamese lines for the command line (and the control socket's answer). */
import type { BackupRunResult } from './service.ts';
import { formatBytes, type MissingFile } from './manifest.ts';
import type { RestoreResult } from './restore.ts';

/** A backup's outcome as JSON (the control socket sends it to `npm run backup`). */
export interface BackupSummary {
  runId: number | null;
  fileName: string;
  path: string;
  sizeBytes: number;
  sha256: string;
  tables: number;
  rows: number;
  files: number;
  missingFiles: MissingFile[];
  auditChain: { seq: number; hash: string } | null;
  timings: { snapshotMs: number; filesMs: number; archiveMs: number; totalMs: number };
}

export function summarizeBackup(result: BackupRunResult): BackupSummary {
  const { outcome } = result;
  const m = outcome.manifest;
  return {
    runId: result.runId,
    fileName: outcome.fileName,
    path: outcome.path,
    sizeBytes: outcome.sizeBytes,
    sha256: outcome.sha256,
    tables: m.tables.length,
    rows: m.tables.reduce((s, t) => s + t.rows, 0),
    files: m.files.length,
    missingFiles: m.missingFiles,
    auditChain: m.auditChain,
    timings: outcome.timings,
  };
}

const REASON = { missing: 'không còn trên đĩa', corrupt: 'nội dung không khớp mã SHA-256 (hỏng)' } as const;

function missingLines(missing: MissingFile[], intro: string): string[] {
  if (missing.length === 0) return [];
  return [
    intro,
    ...missing.slice(0, 20).map((f) => `  - ${f.key}: ${REASON[f.reason]}`),
    ...(missing.length > 20 ? [`  … và ${missing.length - 20} tệp khác (xem manifest.json).`] : []),
  ];
}

export function backupLines(s: BackupSummary): string[] {
  return [
    `Đã sao lưu: ${s.path}`,
    `  ${formatBytes(s.sizeBytes)}, ${s.tables} bảng, ${s.rows} dòng, ${s.files} tệp đính kèm; SHA-256 ${s.sha256} (tệp ${s.fileName}.sha256 đi kèm).`,
    ...(s.auditChain
      ? [`  Nhật ký thao tác đến sự kiện số ${s.auditChain.seq}, mã niêm phong ${s.auditChain.hash}.`]
      : []),
    `  Thời gian: ${s.timings.totalMs} ms (chụp cơ sở dữ liệu ${s.timings.snapshotMs} ms).`,
    ...missingLines(
      s.missingFiles,
      `CẢNH BÁO: ${s.missingFiles.length} tệp đính kèm mà cơ sở dữ liệu nhắc tới KHÔNG có trong bản sao lưu:`,
    ),
  ];
}

export function restoreLines(archive: string, r: RestoreResult): string[] {
  const m = r.manifest;
  const lines = [
    `Đã khôi phục từ ${archive} (lập lúc ${m.createdAt} trên ${m.node}, ${m.engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}, phiên bản ${m.app.version}).`,
    `  ${r.tables} bảng, ${r.rows} dòng, ${r.files} tệp đính kèm; ${r.durationMs} ms.`,
  ];
  if (r.upgradedWith.length > 0)
    lines.push(
      `  Bản sao lưu cũ hơn chương trình: đã nâng cấu trúc dữ liệu thêm ${r.upgradedWith.length} migration (${r.upgradedWith.join(', ')}).`,
    );
  if (r.auditChainMatches === true)
    lines.push(
      `  Nhật ký thao tác khôi phục đúng đến sự kiện số ${m.auditChain!.seq}, mã niêm phong ${m.auditChain!.hash} (khớp bản sao lưu).`,
    );
  if (r.auditChainMatches === false) {
    lines.push(
      '!!! CẢNH BÁO: CHUỖI NHẬT KÝ THAO TÁC SAU KHÔI PHỤC KHÔNG KHỚP MÃ NIÊM PHONG TRONG BẢN SAO LƯU !!!',
      `    Bản sao lưu ghi: sự kiện số ${m.auditChain!.seq}, mã ${m.auditChain!.hash}.`,
      `    Sau khôi phục:   ${r.auditChain ? `sự kiện số ${r.auditChain.seq}, mã ${r.auditChain.hash}` : 'không có sự kiện nào'}.`,
      '    Nhật ký trong bản sao lưu có thể đã bị sửa. Dữ liệu đã được khôi phục; hãy đối chiếu với mã niêm phong đã ghi lại ở nơi khác (docs/audit.md).',
    );
  }
  lines.push(
    ...missingLines(
      r.missingFiles,
      `Lưu ý: ${r.missingFiles.length} tệp đính kèm đã thiếu ngay từ lúc sao lưu nên không được khôi phục:`,
    ),
  );
  return lines;
}
