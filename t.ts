import { PGlite } from '@electric-sql/pglite'
import { ltree } from '@electric-sql/pglite/contrib/ltree'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
let t = Date.now()
const db = await PGlite.create({ extensions: { ltree, pg_trgm, unaccent } })
console.log('create', Date.now()-t); t=Date.now()
await db.exec(`create extension if not exists ltree; create extension if not exists pg_trgm; create extension if not exists unaccent;
create table x(p ltree, s text); insert into x values ('1.2.3','Nguyễn'); create index on x using gist(p); create index on x using gin (s gin_trgm_ops);`)
console.log((await db.query(`select p <@ array['1.2'::ltree, '5'::ltree] as a, unaccent(s) u, count(*) over () c from x`)).rows)
console.log((await db.query(`select now()::date::text d, '2021-03-17'::date d2, 1::bigint b`)).rows)
t=Date.now()
const c = await db.clone()
console.log('clone', Date.now()-t)
console.log((await c.query(`select p from x`)).rows)
