import { sql, type Kysely } from 'kysely';

/**
 * The document registry (văn bản). Party documents are numbered from 01 for each
 * document type across the issuing committee's term, so the uniqueness key is
 * (issuer, type, number, term). term_key is the term's id, or 'Y<year>' when no
 * configured term covers the date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table document_type (
      id serial primary key,
      code text not null unique,
      name text not null,
      sort_order int not null default 0,
      active boolean not null default true
    )`.execute(db);

  await sql`
    create table party_term (
      id serial primary key,
      name text not null,
      starts_on date not null,
      ends_on date not null,
      check (ends_on > starts_on)
    )`.execute(db);

  await sql`
    create table stored_file (
      id serial primary key,
      sha256 text not null,
      storage_key text not null,
      original_name text not null,
      mime_type text not null,
      size_bytes int not null,
      created_by int references app_user(id),
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table document (
      id serial primary key,
      symbol text not null,
      number int not null check (number > 0),
      type_id int not null references document_type(id),
      issuer_code text not null,
      issuer_key text not null,
      issuer_name text not null,
      issuer_unit_id int references org_unit(id),
      owner_unit_id int not null references org_unit(id),
      issued_on date not null,
      term_key text not null,
      summary text not null,
      signer text,
      file_id int references stored_file(id),
      status text not null default 'active' check (status in ('active', 'revoked')),
      revoked_on date,
      revoke_reason text,
      search_text text not null,
      revision int not null default 1,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index document_number_key on document (issuer_key, type_id, number, term_key)`.execute(db);
  await sql`create index document_owner_idx on document (owner_unit_id, issued_on desc)`.execute(db);
  await sql`create index document_issued_idx on document (issued_on desc, id desc)`.execute(db);
  await sql`create index document_search_idx on document using gin (search_text gin_trgm_ops)`.execute(db);

  await sql`alter table org_event add constraint org_event_document_fk foreign key (document_id) references document(id)`.execute(
    db,
  );
}
