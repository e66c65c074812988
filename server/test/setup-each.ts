/** Runs in every test file: after each test, close the apps and databases it opened. */
import { afterEach } from 'vitest';
import { closeTestResources } from './harness.ts';

afterEach(closeTestResources);
