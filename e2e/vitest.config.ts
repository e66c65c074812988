/** Browser specs: a real server in-process and headless Chromium, one file at a time. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    // Every test fails on a CSP violation in its pages.
    setupFiles: ['e2e/csp-guard.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
