/**
 * The one error type. Every failure the API reports is an AppError with a
 * stable code (mapped to HTTP in common/errors.ts) and a Vietnamese message a
 * person understands. Database errors caused by bad input are translated here
 * too, so bad input never surfaces as a 500.
 */
import { ERROR_STATUS, type ErrorCode, type FieldIssue } from '../../common/errors.ts';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldIssue[];
  /** The records that stand in the way (UNIT_HAS_ACTIVE_ENTRIES), so the client can list them. */
  readonly entries?: Array<{ id: number; name: string }>;

  constructor(code: ErrorCode, message: string, fields?: FieldIssue[], entries?: Array<{ id: number; name: string }>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.entries = entries;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `Không tìm thấy ${what}.`);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.'): AppError =>
  new AppError('FORBIDDEN', message);
export const unauthenticated = (message = 'Bạn cần đăng nhập để tiếp tục.'): AppError =>
  new AppError('UNAUTHENTICATED', message);
export const invalid = (field: string, message: string): AppError =>
  new AppError('VALIDATION', message, [{ field, message }]);
export const invalidState = (message: string): AppError => new AppError('INVALID_STATE', message);
export const staleRevision = (what: string): AppError =>
  new AppError(
    'CONFLICT',
    `${what} vừa được người khác thay đổi. Hãy tải lại để xem nội dung mới nhất rồi sửa lại; thay đổi của bạn chưa được lưu.`,
  );

interface PgLikeError {
  code?: string;
  constraint?: string;
  detail?: string;
  message?: string;
}

/** Seconds a client is told to wait (Retry-After) when the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Socket errors and SQLSTATEs that mean "the database went away", not "the input was wrong". */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown: pg_terminate_backend, a fast shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, in recovery
  '53300', // too_many_connections
]);
/**
 * node-pg's own messages: a connection lost mid-query, a client used after that, a connection that could
 * not be opened in time (the client's "timeout expired", the pool's "timeout exceeded …").
 */
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|^timeout expired$|is not queryable|Client has encountered a connection error/i;

/**
 * Whether an error means the database cannot be reached (restart, failover, pg_terminate_backend):
 * SQLSTATE class 08, the codes and messages above, or an AggregateError of them (a host name with
 * several addresses). The one place that decides it: fromDatabaseError turns it into a 503.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as PgLikeError & { errors?: unknown[] };
  if (typeof e.code === 'string' && (CONNECTION_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  if (Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every(isDatabaseUnavailable)) return true;
  return typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message);
}

export const databaseUnavailable = (): AppError =>
  new AppError(
    'DATABASE_UNAVAILABLE',
    'Tạm thời không kết nối được cơ sở dữ liệu (máy chủ cơ sở dữ liệu đang khởi động lại hoặc không truy cập được). ' +
      `Thao tác chưa được thực hiện, dữ liệu không bị thay đổi; hãy thử lại sau ${DATABASE_RETRY_AFTER_SECONDS} giây.`,
  );

/** Translate a PostgreSQL error caused by input into an AppError; null if it is a real fault. */
export function fromDatabaseError(error: unknown): AppError | null {
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  const e = error as PgLikeError;
  if (!e || typeof e.code !== 'string') return null;
  switch (e.code) {
    case '23505':
      return new AppError('DUPLICATE', 'Dữ liệu bị trùng với một bản ghi đã có.');
    case '23503':
      return new AppError('VALIDATION', 'Dữ liệu tham chiếu tới một bản ghi không tồn tại.');
    case '23502':
    case '23514':
      return new AppError('VALIDATION', 'Dữ liệu không hợp lệ: thiếu hoặc sai giá trị bắt buộc.');
    case '22001':
      return new AppError('VALIDATION', 'Dữ liệu quá dài.');
    case '22003':
      return new AppError('VALIDATION', 'Số vượt quá giới hạn cho phép.');
    case '22007':
    case '22008':
      return new AppError('VALIDATION', 'Ngày tháng không hợp lệ.');
    case '22P02':
      return new AppError('VALIDATION', 'Giá trị không đúng định dạng.');
    // Characters PostgreSQL cannot store: 22021 a NUL (or an invalid byte sequence) in text, 22P05 "\u0000" in jsonb.
    // The request guard (lib/input-guard.ts) names the field first; these catch text from elsewhere (an imported file).
    case '22021':
    case '22P05':
      return new AppError(
        'VALIDATION',
        'Dữ liệu có ký tự không lưu được (ký tự NUL, U+0000, hoặc mã ký tự sai); hãy xóa ký tự đó rồi thử lại.',
      );
    case '40001':
    case '40P01':
      return new AppError('CONFLICT', 'Có thao tác đồng thời trên cùng dữ liệu. Hãy thử lại.');
    default:
      return null;
  }
}
