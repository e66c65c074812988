import type { App } from '../lib/http.ts';

export async function auditRoutes(_app: App): Promise<void> {}
