import type { App } from '../lib/http.ts';

export async function userRoutes(_app: App): Promise<void> {}
