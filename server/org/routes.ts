import type { App } from '../lib/http.ts';

export async function orgRoutes(_app: App): Promise<void> {}
