/**
 * The dependency audit's verdicts, from npm's own report formats: it blocks on high and critical,
 * shows moderate, and says "not done" — never "clean" — when the advisory service did not answer.
 */
import { describe, expect, it } from 'vitest';
import { judgeAudit } from './dependency-audit.ts';

const report = (vulnerabilities: Record<string, number>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {},
    metadata: {
      vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...vulnerabilities },
      dependencies: { prod: 231, dev: 400, total: 631 },
    },
  });

describe('the dependency audit', () => {
  it('passes a clean report, shows moderate advisories, blocks high and critical ones', () => {
    expect(judgeAudit(report({}), 0)).toEqual({
      outcome: 'clean',
      counts: { info: 0, low: 0, moderate: 0, high: 0, critical: 0 },
      dependencies: 231,
    });
    expect(judgeAudit(report({ moderate: 2 }), 1).outcome).toBe('advisories');
    expect(judgeAudit(report({ moderate: 1, high: 1 }), 1).outcome).toBe('blocking');
    expect(judgeAudit(report({ critical: 1 }), 1)).toMatchObject({ outcome: 'blocking', counts: { critical: 1 } });
  });

  it('says it could not audit when the registry refuses, the network is down or nothing comes back', () => {
    // What this machine's registry answers today (the bulk advisory endpoint is not served).
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    expect(judgeAudit(refused, 1)).toMatchObject({ outcome: 'unavailable', reason: expect.stringContaining('405') });
    const offline = JSON.stringify({
      error: {
        code: 'ENOTFOUND',
        summary: 'request to https://registry.example failed, reason: getaddrinfo ENOTFOUND',
        detail: '',
      },
    });
    expect(judgeAudit(offline, 1)).toMatchObject({
      outcome: 'unavailable',
      reason: expect.stringContaining('ENOTFOUND'),
    });
    expect(judgeAudit('', null, 'spawnSync npm ETIMEDOUT')).toMatchObject({
      outcome: 'unavailable',
      reason: expect.stringContaining('ETIMEDOUT'),
    });
  });
});
