/**
 * Typed fetch wrapper for /api/v1. Every request sends the client header (the
 * server's CSRF guard) and the session cookie; every failure becomes an
 * ApiError carrying the server's code, Vietnamese message and field issues.
 */
import { CLIENT_HEADER } from '@common/client-header.ts';
import type { ErrorBody, ErrorCode, FieldIssue } from '@common/errors.ts';
import { t } from '../i18n/index.ts';

export const API_BASE = '/api/v1';

export type ClientErrorCode = ErrorCode | 'NETWORK' | 'UNKNOWN';

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly fields: FieldIssue[];

  constructor(status: number, code: ClientErrorCode, message: string, fields: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A problem found in the browser before calling the API, with a message meant for the user. */
export class UserError extends Error {
  override name = 'UserError';
}

/** A readable message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof UserError) return error.message;
  return t('error.unexpected');
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | QueryValue[]>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not run the "signed out" handler on 401 (sign-in and who-am-I calls). */
  quiet401?: boolean;
}

let onUnauthenticated: () => void = () => {
  const here = window.location.pathname + window.location.search;
  if (!window.location.pathname.startsWith('/dang-nhap')) {
    window.location.assign(`/dang-nhap?next=${encodeURIComponent(here)}`);
  }
};

/** The app installs a router-aware handler; the default reloads to the sign-in page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** Any call answering 403 PASSWORD_CHANGE_REQUIRED: the app sends the user to the password page (auth/UnauthenticatedBridge.tsx). */
let onPasswordChangeRequired: () => void = () => undefined;

export function setPasswordChangeRequiredHandler(handler: () => void): void {
  onPasswordChangeRequired = handler;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (v === undefined || v === null || v === '') continue;
      params.append(key, String(v));
    }
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function readError(response: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> | null;
  try {
    body = (await response.json()) as Partial<ErrorBody>;
  } catch {
    body = null;
  }
  const error = body?.error;
  if (error && typeof error.message === 'string') {
    return new ApiError(response.status, error.code ?? 'UNKNOWN', error.message, error.fields ?? []);
  }
  return new ApiError(response.status, 'UNKNOWN', t('error.http', { status: response.status }));
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { [CLIENT_HEADER]: 'web', accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', t('error.network'));
  }
  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401 && !options.quiet401) onUnauthenticated();
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') onPasswordChangeRequired();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Link to a document's attachment (same origin, cookie-authenticated GET). */
export function documentFileUrl(documentId: number): string {
  return `${API_BASE}/documents/${documentId}/file`;
}

/** The file name a download answer proposes (RFC 6266: filename* wins over filename). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Download a file the API produces (Excel lists, templates): fetched with the
 * session cookie so a refusal arrives as an ApiError with the server's
 * Vietnamese message instead of a broken file; then saved under the server's name.
 */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { headers: { [CLIENT_HEADER]: 'web' }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', t('error.network'));
  }
  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401) onUnauthenticated();
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') onPasswordChangeRequired();
    throw error;
  }
  const name = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return name;
}
