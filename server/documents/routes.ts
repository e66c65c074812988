import type { App } from '../lib/http.ts';

export async function documentRoutes(_app: App): Promise<void> {}
