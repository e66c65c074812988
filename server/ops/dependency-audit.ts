/**
 * CI's dependency audit: `npm audit --omit=dev` over the production dependencies.
 *  - high or critical advisories: the whole report, and exit 1 (CI fails);
 *  - moderate (or low) ones: the whole report, exit 0 — to read, not to block;
 *  - the advisory service cannot be asked (no network, the registry refuses the bulk advisory
 *    endpoint, a timeout, an answer that is not a report): a loud banner, exit 0 — a CI without
 *    network must not fail for it, but nobody may take silence for a clean audit.
 * Run: `npx tsx server/ops/dependency-audit.ts` (or `npm run audit:deps`).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export type AuditOutcome = 'clean' | 'advisories' | 'blocking' | 'unavailable';

export interface AuditVerdict {
  outcome: AuditOutcome;
  counts: Record<'info' | 'low' | 'moderate' | 'high' | 'critical', number>;
  /** Production dependencies the report covered. */
  dependencies: number | null;
  /** Why the audit could not be made (outcome 'unavailable'). */
  reason?: string;
}

const ZERO: AuditVerdict['counts'] = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };

/**
 * The parts of `npm audit --json` read here (npm 7+ report format, auditReportVersion 2, or npm's error
 * answer). Everything optional and open: a report we cannot read is "not audited", never a crash.
 */
const ZAuditReport = z.looseObject({
  message: z.string().optional(),
  statusCode: z.number().optional(),
  /** Present (whatever its content) when npm could not make the report. */
  error: z.unknown().optional(),
  metadata: z
    .looseObject({
      vulnerabilities: z.record(z.string(), z.unknown()).optional(),
      dependencies: z.looseObject({ prod: z.unknown().optional() }).optional(),
    })
    .optional(),
});
const ZAuditError = z.looseObject({ summary: z.string().optional(), code: z.string().optional() });

function unavailable(reason: string): AuditVerdict {
  return { outcome: 'unavailable', counts: { ...ZERO }, dependencies: null, reason };
}

/** Judge the output of `npm audit --json` (npm 7+ report format, auditReportVersion 2). */
export function judgeAudit(stdout: string, exitCode: number | null, stderr = ''): AuditVerdict {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    const why =
      stderr.trim().split('\n').slice(-3).join(' ') || `npm audit exited with ${exitCode} and printed no report`;
    return unavailable(why);
  }
  const parsed = ZAuditReport.safeParse(json);
  const report = parsed.success ? parsed.data : undefined;
  const counts = report?.metadata?.vulnerabilities;
  if (!report || !counts || report.error) {
    const error = ZAuditError.safeParse(report?.error);
    const why = [
      report?.message,
      error.success ? error.data.summary : undefined,
      error.success ? error.data.code : undefined,
      report?.statusCode && `HTTP ${report.statusCode}`,
    ]
      .filter(Boolean)
      .join(' — ');
    return unavailable(why || 'npm audit gave no vulnerability counts');
  }
  const c = { ...ZERO };
  for (const key of Object.keys(ZERO) as Array<keyof typeof ZERO>) c[key] = Number(counts[key] ?? 0);
  const prod = report.metadata?.dependencies?.prod;
  const dependencies = typeof prod === 'number' ? prod : null;
  const outcome: AuditOutcome =
    c.high + c.critical > 0 ? 'blocking' : c.moderate + c.low + c.info > 0 ? 'advisories' : 'clean';
  return { outcome, counts: c, dependencies };
}

const BANNER = '!'.repeat(90);

function main(): number {
  const args = ['audit', '--omit=dev'];
  const run = spawnSync('npm', [...args, '--json'], {
    encoding: 'utf8',
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const verdict = judgeAudit(
    run.stdout ?? '',
    run.status,
    `${run.stderr ?? ''}${run.error ? ` ${run.error.message}` : ''}`,
  );
  const summary = Object.entries(verdict.counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  if (verdict.outcome === 'unavailable') {
    console.log(
      [
        BANNER,
        '!!! DEPENDENCY AUDIT NOT DONE: the npm advisory service could not be asked.',
        `!!! ${verdict.reason}`,
        '!!! The production dependencies were NOT checked for known vulnerabilities in this run.',
        '!!! Run `npm audit --omit=dev` where the registry answers.',
        BANNER,
      ].join('\n'),
    );
    return 0;
  }
  if (verdict.outcome !== 'clean') {
    // The full, human-readable report: what, where, which fix.
    const text = spawnSync('npm', args, { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
    console.log(text.stdout);
  }
  console.log(`dependency audit (${verdict.dependencies ?? '?'} production dependencies): ${summary}`);
  if (verdict.outcome === 'blocking') {
    console.log(
      `${BANNER}\n!!! high or critical advisories in production dependencies: update them (npm audit fix, within semver) before release.\n${BANNER}`,
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main());
