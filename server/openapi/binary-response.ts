/**
 * Downloads (.docx, .xlsx, .pdf, uploaded files, backups) in the OpenAPI document: a 200 whose
 * content types are the ones the route sends, each `type: string, format: binary` — what OpenAPI
 * 3.0 says for a file body. The route sends a Buffer or a stream, which Fastify passes through
 * without serializing, so the schema only describes.
 */
import type { Readable } from 'node:stream';
import { z } from '../../common/zod-setup.ts';
import { ALLOWED_TYPES } from '../documents/storage.ts';

export const MEDIA = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  gzip: 'application/gzip',
} as const;

/** Every type an uploaded file (an attachment, a document's file) is served with. */
export const UPLOAD_MEDIA_TYPES: readonly string[] = [...new Set(Object.values(ALLOWED_TYPES).map((t) => t.mime))];

/** A file body: any bytes; rendered as { type: 'string', format: 'binary' }. */
export const ZBinary = z.custom<Buffer | Readable>(() => true).meta({ type: 'string', format: 'binary' });

/** `response` of a download route: 200 with each of `mediaTypes` as a binary body. */
export function binaryResponse(description: string, mediaTypes: readonly string[]) {
  return {
    200: {
      description,
      content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: ZBinary }])),
    },
  };
}
