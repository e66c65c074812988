/** Stable machine codes of every error the API returns, and their HTTP status. */
export const ERROR_STATUS = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** The account must change its password before doing anything else. */
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  INVALID_STATE: 409,
  /** A unit cannot end while it owns models or exemplars on the list: the body lists them (error.entries). */
  UNIT_HAS_ACTIVE_ENTRIES: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** A capability this server lacks (e.g. PDF without LibreOffice installed). */
  UNAVAILABLE: 503,
  /** The database cannot be reached (restart, failover): try again shortly. */
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldIssue {
  /** Dotted path of the field, e.g. "name" or "targets.1.name". */
  field: string;
  message: string;
}

/** The one error body shape of the API. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldIssue[]; entries?: Array<{ id: number; name: string }> };
}
