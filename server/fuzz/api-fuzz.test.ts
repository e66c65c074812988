/**
 * Fuzzing every operation of the OpenAPI document: path parameters, query strings and bodies
 * generated from each operation's own schemas and salted with hostile values (schema-arbitrary.ts),
 * sent as a system administrator and as a unit's reporter. No answer may be a 5xx (a missing
 * capability, 503 UNAVAILABLE — PDF without LibreOffice — excepted), and every 4xx carries the one
 * error shape with a Vietnamese message and the status its code stands for.
 *
 * Runs: FC_RUNS requests in all (default 300 for `npm test`; CI's fuzz step runs 10,000), spread
 * evenly over the operations. FUZZ_WORLD=demo fuzzes the demo installation (real ids everywhere)
 * instead of a small tree. Skipped operations: POST /auth/logout and POST /auth/password, which
 * would end or change the session the fuzz runs in.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, type ErrorCode } from '../../common/errors.ts';
import { z } from '../../common/zod-setup.ts';
import type { Role } from '../../common/roles.ts';
import { CLIENT_HEADER } from '../../common/client-header.ts';
import type { App } from '../lib/http.ts';
import { loadDemoData } from '../seed/demo.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { json, setupTest } from '../test/harness.ts';
import { fuzzArbitrary, hostileString, validArbitrary, type Schema } from './schema-arbitrary.ts';

/** The parts of an OpenAPI operation the fuzz reads. */
interface OperationObject {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Operation {
  method: string;
  path: string;
  op: OperationObject;
}

const RUNS = Number(process.env.FC_RUNS ?? 300);
const WORLD = process.env.FUZZ_WORLD ?? 'small';
/** Answers slower than this are reported (FUZZ_SLOW_MS): a fuzz is also a search for slow paths. */
const SLOW_MS = Number(process.env.FUZZ_SLOW_MS ?? 5000);
const SKIPPED = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/password']);

/** Vietnamese: at least one letter only Vietnamese writing has (a sentence a person reads, not an English default). */
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i;
const ZErrorBody = z
  .object({
    error: z
      .object({
        code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
        message: z.string().min(10).regex(VIETNAMESE, 'not a Vietnamese sentence'),
        fields: z.array(z.object({ field: z.string(), message: z.string().min(1) }).strict()).optional(),
      })
      .strict(),
  })
  .strict();

/** encodeURIComponent, except that a lone surrogate becomes bytes that are not UTF-8 (what a broken client sends). */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

function queryString(values: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      parts.push(`${encode(key)}=${encode(typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function multipart(fields: Record<string, string>, fileName: string) {
  const boundary = '----dh-fuzz';
  const text = Object.entries(fields)
    .map(
      ([k, v]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, '_')}"\r\n\r\n${v}\r\n`,
    )
    .join('');
  const file = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName.replace(/["\r\n]/g, '_')}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 fuzz\r\n`;
  return {
    payload: Buffer.from(`${text}${file}--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

interface Actor {
  role: Role;
  unitId: number;
  headers: Record<string, string>;
}

let addressCounter = 0;
/** A fresh user with one grant, signed in from an address of its own (the sign-in limits count per address). */
async function freshActor(app: App, db: Parameters<typeof buildUser>[0], role: Role, unitId: number): Promise<Actor> {
  const user = await buildUser(db, { grants: [{ role, unitId }] });
  const remoteAddress = `127.0.${Math.floor(++addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    payload: { username: user.username, password: DEFAULT_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`fuzz sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'dh_session')!;
  return { role, unitId, headers: { cookie: `dh_session=${cookie.value}`, [CLIENT_HEADER]: 'fuzz' } };
}

/** Any list answer of any route, read loosely: only the ids of its first items matter here. */
type ListAnswer = Array<{ id?: unknown } | null> | { items?: Array<{ id?: unknown } | null> } | null;

/** Ids seen in list answers, by list path: path parameters are filled from them as well as made up. */
async function collectIds(app: App, actor: Actor, ops: Operation[], pool: Map<string, number[]>) {
  for (const { path } of ops.filter((o) => o.method === 'GET' && !o.path.includes('{'))) {
    if (process.env.FUZZ_VERBOSE) console.log(`api fuzz: collecting ids from GET ${path}`);
    const response = await app.inject({ method: 'GET', url: path, headers: actor.headers });
    if (response.statusCode !== 200 || !String(response.headers['content-type']).includes('json')) continue;
    const body = json<ListAnswer>(response);
    const items = Array.isArray(body) ? body : body?.items;
    if (!Array.isArray(items)) continue;
    const ids = items
      .slice(0, 5)
      .map((i) => i?.id)
      .filter((id): id is number => typeof id === 'number');
    if (ids.length) pool.set(path, ids);
  }
}

function pathArbitrary(op: Operation, pool: Map<string, number[]>): fc.Arbitrary<string> {
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  if (names.length === 0) return fc.constant(op.path);
  const allIds = [...new Set([...pool.values()].flat())];
  const parts = names.map((name) => {
    const prefix = op.path.slice(0, op.path.indexOf(`{${name}}`)).replace(/\/$/, '');
    const own = pool.get(prefix) ?? [];
    const schema = op.op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema;
    return fc.oneof(
      ...(own.length ? [{ weight: 6, arbitrary: fc.constantFrom(...own) }] : []),
      ...(allIds.length ? [{ weight: 2, arbitrary: fc.constantFrom(...allIds) }] : []),
      { weight: 2, arbitrary: fuzzArbitrary(schema) },
      { weight: 1, arbitrary: hostileString },
    );
  });
  return fc.tuple(...parts).map((values) => {
    let i = 0;
    return op.path.replace(/\{[^}]+\}/g, () => {
      const v = values[i++];
      return encode(typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
    });
  });
}

function queryArbitrary(op: Operation): fc.Arbitrary<Record<string, unknown>> {
  const params = (op.op.parameters ?? []).filter((p) => p.in === 'query');
  const record = fc.record(Object.fromEntries(params.map((p) => [p.name, fuzzArbitrary(p.schema)])), {
    requiredKeys: params.filter((p) => p.required).map((p) => p.name),
  });
  const unknown = fc.oneof(
    { weight: 6, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 2 }) },
  );
  return fc.tuple(record, unknown).map(([r, u]) => ({ ...u, ...r }));
}

type Payload =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; body: string; type: string }
  | { kind: 'multipart'; fields: Record<string, string>; fileName: string };

function payloadArbitrary(op: Operation): fc.Arbitrary<Payload> {
  if (op.method === 'GET' || op.method === 'DELETE') return fc.constant({ kind: 'none' });
  const schema = op.op.requestBody?.content?.['application/json']?.schema;
  const jsonBody = (schema ? validArbitrary(schema) : fc.constant({})).chain((v) =>
    fc.oneof({ weight: 5, arbitrary: fc.constant(v) }, { weight: 3, arbitrary: fuzzArbitrary(schema) }),
  );
  const fields = fc.dictionary(
    fc.oneof(fc.constantFrom('kind', 'ownerUnitId', 'file'), fc.string({ maxLength: 8 })),
    fc.oneof(hostileString, fc.string({ maxLength: 12 })),
    { maxKeys: 3 },
  );
  return fc.oneof(
    { weight: 16, arbitrary: jsonBody.map((value): Payload => ({ kind: 'json', value })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{"a":', 'không phải JSON', '[1,2', '{"__proto__":{"x":1}}', '"\\u0000"', 'null')
        .map((body): Payload => ({ kind: 'raw', body, type: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fields, fc.oneof(hostileString, fc.constantFrom('a.pdf', 'b.xlsx', '..\\x.docx')))
        .map(([f, fileName]): Payload => ({ kind: 'multipart', fields: f, fileName })),
    },
    { weight: 1, arbitrary: fc.constant<Payload>({ kind: 'raw', body: 'a=1', type: 'text/plain' }) },
  );
}

function inject(
  app: App,
  actor: Actor,
  method: string,
  url: string,
  payload: Payload,
): Promise<LightMyRequestResponse> {
  const base = { method: method as 'GET', url, headers: { ...actor.headers } as Record<string, string> };
  switch (payload.kind) {
    case 'none':
      return app.inject(base);
    case 'json':
      return app.inject({
        ...base,
        headers: { ...base.headers, 'content-type': 'application/json' },
        payload: JSON.stringify(payload.value) ?? 'null',
      });
    case 'raw':
      return app.inject({ ...base, headers: { ...base.headers, 'content-type': payload.type }, payload: payload.body });
    case 'multipart': {
      const form = multipart(payload.fields, payload.fileName);
      return app.inject({
        ...base,
        headers: { ...base.headers, 'content-type': form.contentType },
        payload: form.payload,
      });
    }
  }
}

describe('fuzzing every operation of the API document', () => {
  it(
    `never answers 5xx, and every 4xx is the one error shape (${RUNS} requests, ${WORLD} world)`,
    { timeout: Math.max(300_000, RUNS * 400) },
    async () => {
      const { app, db } = await setupTest();
      let grants: Array<{ role: Role; unitId: number }>;
      if (WORLD === 'demo') {
        await loadDemoData(db);
        const unitOf = async (username: string) =>
          (
            await db
              .selectFrom('role_grant as g')
              .innerJoin('app_user as u', 'u.id', 'g.user_id')
              .select('g.unit_id')
              .where('u.username', '=', username)
              .executeTakeFirstOrThrow()
          ).unit_id;
        grants = [
          { role: 'admin', unitId: await unitOf('admin') },
          { role: 'reporter', unitId: await unitOf('nguyenhue') },
        ];
      } else {
        const tree = await buildTree(db);
        grants = [
          { role: 'admin', unitId: tree.root },
          { role: 'reporter', unitId: tree.a1 },
        ];
      }
      const actors: Actor[] = [];
      for (const g of grants) actors.push(await freshActor(app, db, g.role, g.unitId));

      const doc = json<{ paths: Record<string, Record<string, OperationObject>> }>(
        await app.inject({ method: 'GET', url: '/api/openapi.json' }),
      );
      const ops: Operation[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
      );
      // FUZZ_ONLY (a regular expression over "METHOD /path") narrows a run to some operations, to chase a finding.
      const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : null;
      const fuzzed = ops.filter(
        (o) => !SKIPPED.has(`${o.method} ${o.path}`) && (!only || only.test(`${o.method} ${o.path}`)),
      );
      const pool = new Map<string, number[]>();
      await collectIds(app, actors[0]!, ops, pool);

      const perOperation = Math.max(1, Math.ceil(RUNS / fuzzed.length));
      const statuses = new Map<number, number>();
      let requests = 0;
      const started = performance.now();
      const cpuStarted = process.cpuUsage();

      /** A request may have signed the actor out (disabled itself, revoked its grant, reset its password): replace it. */
      async function keepSignedIn(index: number, response: LightMyRequestResponse) {
        const actor = actors[index]!;
        const suspicious =
          response.statusCode === 401 ||
          (response.statusCode === 403 && response.body.includes('PASSWORD_CHANGE_REQUIRED')) ||
          requests % 250 === 0;
        if (!suspicious) return;
        const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: actor.headers });
        const ok =
          me.statusCode === 200 &&
          me.body.includes(`"${actor.role}"`) &&
          !me.body.includes('"mustChangePassword":true');
        if (!ok) actors[index] = await freshActor(app, db, actor.role, actor.unitId);
      }

      // Every operation is fuzzed even after one fails, so one run lists all the broken ones.
      const failures: string[] = [];
      for (const op of fuzzed) {
        if (process.env.FUZZ_VERBOSE) console.log(`api fuzz: ${op.method} ${op.path} (${requests} requests so far)`);
        try {
          await fc.assert(
            fc.asyncProperty(
              fc.nat(actors.length - 1),
              pathArbitrary(op, pool),
              queryArbitrary(op),
              payloadArbitrary(op),
              async (who, path, query, payload) => {
                const url = path + queryString(query);
                const sent = performance.now();
                // A request that never answers would hang the run silently: say which one it is.
                const watchdog = setTimeout(
                  () =>
                    console.log(
                      `api fuzz: no answer after 60 s: ${actors[who]!.role}: ${op.method} ${url.slice(0, 300)} ${JSON.stringify(payload).slice(0, 2000)}`,
                    ),
                  60_000,
                );
                const response = await inject(app, actors[who]!, op.method, url, payload).finally(() =>
                  clearTimeout(watchdog),
                );
                const took = performance.now() - sent;
                if (took > SLOW_MS)
                  console.log(
                    `api fuzz: slow answer (${Math.round(took)} ms): ${op.method} ${url.slice(0, 200)} → ${response.statusCode}`,
                  );
                requests++;
                statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
                const what = `${actors[who]!.role}: ${op.method} ${url.slice(0, 300)} ${JSON.stringify(payload).slice(0, 300)} → ${response.statusCode} ${response.body.slice(0, 500)}`;
                const capabilityMissing = response.statusCode === 503 && response.body.includes('"UNAVAILABLE"');
                expect(response.statusCode < 500 || capabilityMissing, what).toBe(true);
                if (response.statusCode >= 400) {
                  const parsed = ZErrorBody.safeParse(JSON.parse(response.body));
                  expect(parsed.success, `${what}\n${parsed.error?.message}`).toBe(true);
                  expect(ERROR_STATUS[parsed.data!.error.code], what).toBe(response.statusCode);
                }
                await keepSignedIn(who, response);
              },
            ),
            { numRuns: perOperation, endOnFailure: true },
          );
        } catch (error) {
          failures.push(`${op.method} ${op.path}: ${(error as Error).message.slice(0, 4000)}`);
        }
      }

      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuStarted);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6; // this process's CPU: comparable on a loaded machine
      const byStatus = [...statuses.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ');
      console.log(
        `api fuzz: ${requests} requests over ${fuzzed.length} operations (${perOperation} each, ${WORLD} world) in ${seconds.toFixed(1)} s (${(requests / seconds).toFixed(1)}/s, ${cpuSeconds.toFixed(1)} s of CPU); ${byStatus}`,
      );
      expect(failures).toEqual([]);
      expect(requests).toBeGreaterThanOrEqual(Math.min(RUNS, perOperation * fuzzed.length));
      if (!only) expect(fuzzed.length).toBeGreaterThan(150);
    },
  );
});
