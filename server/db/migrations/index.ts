/**
 * Every migration, in order. Add a new file named YYYYMMDD_NNNN_what.ts with an
 * `up` function and list it here; migrations are history and are never edited
 * once landed.
 */
import type { Migration } from 'kysely';
import * as m0001 from './20261128_0001_extensions.ts';
import * as m0002 from './20261128_0002_accounts.ts';
import * as m0003 from './20261128_0003_org.ts';
import * as m0004 from './20261128_0004_people.ts';
import * as m0005 from './20261128_0005_documents.ts';
import * as m0006 from './20261128_0006_audit.ts';
import * as m0007 from './20261128_0007_reference_data.ts';
import * as m0008 from './20261128_0008_plans_catalogue.ts';
import * as m0009 from './20261128_0009_registry.ts';
import * as m0010 from './20261128_0010_reporting.ts';
import * as m0011 from './20261128_0011_notifications.ts';
import * as m0012 from './20261128_0012_monitoring_inspections.ts';
import * as m0013 from './20261128_0013_evaluation.ts';
import * as m0014 from './20261128_0014_award_forms.ts';
import * as m0015 from './20261128_0015_review_reports.ts';
import * as m0016 from './20261128_0016_honours.ts';
import * as m0018 from './20261128_0018_document_settings.ts';
import * as m0019 from './20261207_0019_login_throttle.ts';
import * as m0020 from './20261207_0020_account_security.ts';
import * as m0021 from './20261207_0021_audit_chain.ts';
import * as m0022 from './20261207_0022_installation.ts';
import * as m0023 from './20261207_0023_backups.ts';
import * as m0024 from './20261207_0024_drop_account_lockout.ts';
import * as m0025 from './20261207_0025_span_owner.ts';
import * as m0026 from './20261207_0026_actor_cache_notify.ts';

export const migrations: Record<string, Migration> = {
  '20261128_0001_extensions': m0001,
  '20261128_0002_accounts': m0002,
  '20261128_0003_org': m0003,
  '20261128_0004_people': m0004,
  '20261128_0005_documents': m0005,
  '20261128_0006_audit': m0006,
  '20261128_0007_reference_data': m0007,
  '20261128_0008_plans_catalogue': m0008,
  '20261128_0009_registry': m0009,
  '20261128_0010_reporting': m0010,
  '20261128_0011_notifications': m0011,
  '20261128_0012_monitoring_inspections': m0012,
  '20261128_0013_evaluation': m0013,
  '20261128_0014_award_forms': m0014,
  '20261128_0015_review_reports': m0015,
  '20261128_0016_honours': m0016,
  '20261128_0018_document_settings': m0018,
  '20261207_0019_login_throttle': m0019,
  '20261207_0020_account_security': m0020,
  '20261207_0021_audit_chain': m0021,
  '20261207_0022_installation': m0022,
  '20261207_0023_backups': m0023,
  '20261207_0024_drop_account_lockout': m0024,
  '20261207_0025_span_owner': m0025,
  '20261207_0026_actor_cache_notify': m0026,
};
