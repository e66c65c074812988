/** The import tests' shared world: a tree, a catalogue, an operator, a reporter and an outsider signed in; counts of what an import wrote. */
import { buildTree, buildUser } from '../test/factories.ts';
import { setupTest, signIn, type TestContext } from '../test/harness.ts';
import { buildCatalogue } from './test-helpers.ts';

export async function world() {
  const t = await setupTest();
  const tree = await buildTree(t.db);
  const fields = await buildCatalogue(t.db);
  const operator = await buildUser(t.db, { grants: [{ role: 'operator', unitId: tree.blocA }] });
  const reporter = await buildUser(t.db, { grants: [{ role: 'reporter', unitId: tree.a1 }] });
  const outsider = await buildUser(t.db, { grants: [{ role: 'operator', unitId: tree.blocB }] });
  return {
    t,
    tree,
    fields,
    op: await signIn(t.app, operator.username, operator.password),
    rep: await signIn(t.app, reporter.username, reporter.password),
    out: await signIn(t.app, outsider.username, outsider.password),
  };
}

export async function counts(t: TestContext) {
  const n = async (table: 'registry_entry' | 'registry_import' | 'stored_file' | 'registry_span' | 'registry_event') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = Number(
    (
      await t.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'registry.imported')
        .executeTakeFirstOrThrow()
    ).n,
  );
  return {
    entries: await n('registry_entry'),
    imports: await n('registry_import'),
    files: await n('stored_file'),
    spans: await n('registry_span'),
    audits,
  };
}

export const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
