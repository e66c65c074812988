import type { App } from '../lib/http.ts';

export async function fileRoutes(_app: App): Promise<void> {}
