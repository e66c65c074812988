/**
 * A look at an .xlsx container before it is unpacked: it must be a ZIP with a
 * workbook inside, and what it unpacks to must stay reasonable (a small file
 * that inflates to gigabytes — a "zip bomb" — is refused before any memory is
 * spent). Reads only the ZIP central directory.
 */
import { AppError } from '../lib/errors.ts';

/** Everything inside an accepted file together, uncompressed. 20,000 rows of a full template stay far below. */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function checkZipContainer(buffer: Buffer, notXlsxMessage: string): void {
  const fail = (message = notXlsxMessage) => new AppError('VALIDATION', message, [{ field: 'file', message }]);
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== 0x04034b50) throw fail();
  // end of central directory: within the last 22 + 65535 bytes
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 65535); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw fail();
  const entries = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  let total = 0;
  const names = new Set<string>();
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL) throw fail();
    const uncompressed = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const name = buffer
      .subarray(offset + 46, offset + 46 + nameLength)
      .toString('utf8')
      .replace(/^\//, '');
    names.add(name);
    total += uncompressed === 0xffffffff ? Number.POSITIVE_INFINITY : uncompressed;
    offset += 46 + nameLength + extraLength + commentLength;
  }
  if (!names.has('xl/workbook.xml')) {
    if (names.has('word/document.xml')) throw fail(notXlsxMessage.replace(/\.$/, '') + ' (đây là tệp Word).');
    throw fail();
  }
  if (total > MAX_UNCOMPRESSED_BYTES) {
    throw fail(
      `Tệp giải nén ra quá lớn (hơn ${Math.round(MAX_UNCOMPRESSED_BYTES / 1024 / 1024)} MB); hãy chia danh sách thành nhiều tệp nhỏ hơn.`,
    );
  }
}
