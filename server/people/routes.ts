import type { App } from '../lib/http.ts';

export async function peopleRoutes(_app: App): Promise<void> {}
