/** Test helpers for documents and files: request bodies, and multipart uploads through app.inject (no form-data dependency). */
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../lib/http.ts';
import type { Session } from '../test/harness.ts';

export const SAMPLE = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n'),
  docx: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml word/document.xml')]),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]),
};

export function multipartBody(parts: Array<{ field?: string; name: string; content: Buffer; type?: string }>) {
  const boundary = `----dh${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.field ?? 'file'}"; filename="${p.name}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      p.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(
  app: App,
  session: Session,
  name: string,
  content: Buffer,
  field = 'file',
): Promise<LightMyRequestResponse> {
  const body = multipartBody([{ field, name, content }]);
  return app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { ...session.headers, 'content-type': body.contentType },
    payload: body.payload,
  });
}

export const ISSUER = 'Đảng ủy Khối cơ quan và doanh nghiệp tỉnh';

/** A valid POST /documents body: letter 384-CV/ĐUK of 09/09/2021. */
export function documentBody(ownerUnitId: number, overrides: Record<string, unknown> = {}) {
  return {
    symbol: '384-CV/ĐUK',
    issuedOn: '2021-09-09',
    issuerName: ISSUER,
    ownerUnitId,
    summary: 'V/v sơ kết 02 năm thực hiện Kế hoạch 24-KH/TU',
    signer: 'Nguyễn Văn Hùng',
    ...overrides,
  };
}

/** The distinct field names of a 400 answer, sorted. */
export const fieldsOf = (r: { body: string }): string[] =>
  [...new Set<string>((JSON.parse(r.body).error.fields ?? []).map((f: { field: string }) => f.field))].sort();
