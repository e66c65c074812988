/**
 * Setup file of the browser suite: every test fails on a Content-Security-Policy violation in any page it
 * opened (collected by openPage in browser.ts), whether or not the spec checks its page errors itself.
 */
import { afterEach, expect } from 'vitest';
import { takeCspViolations } from './browser.ts';

afterEach(() => {
  expect(takeCspViolations(), 'Content-Security-Policy violations in the browser').toEqual([]);
});
