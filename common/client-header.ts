/**
 * The header the web client sends on every request. The server refuses a write authenticated by the
 * session cookie without it (CSRF guard: another site cannot set a custom header on a request that
 * carries the cookie); the OpenAPI document names it as the "client" security scheme.
 */
export const CLIENT_HEADER = 'x-dh-client';
