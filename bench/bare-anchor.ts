/**
 * The anchor of `npm run bench:load`: the cheapest possible answer to "one row by id" — a bare Fastify route
 * on node-pg (pool of 10, like the app's) that reads one `person` row by primary key and sends it as JSON.
 * No session, no validation, no logging. Run in its own process by bench/load-bench.ts so that it and the
 * app are measured alternately on the same machine; what the app costs above it is the per-request overhead.
 *
 *   DATABASE_URL=postgres://… PORT=3918 node --import tsx bench/bare-anchor.ts
 *
 * PostgreSQL only: the load bench always runs on PostgreSQL (an embedded PGlite has one connection and
 * belongs to the app's process, so a second process could not share it).
 */
import Fastify from 'fastify';
import pg from 'pg';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('bare-anchor: DATABASE_URL is required');
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: url, max: 10 });
const app = Fastify({ logger: false });

app.get<{ Params: { id: string } }>('/person/:id', async (request, reply) => {
  const { rows } = await pool.query('select * from person where id = $1', [Number(request.params.id)]);
  if (rows.length === 0) return reply.code(404).send({ error: 'not found' });
  return rows[0] as Record<string, unknown>;
});

await app.listen({ port: Number(process.env.PORT ?? 3918), host: '127.0.0.1' });
console.log('bare-anchor ready');

const stop = () => {
  void app.close().then(() => pool.end());
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
