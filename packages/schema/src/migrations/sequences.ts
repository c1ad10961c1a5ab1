import { DASHBOARD_SCHEMA_VERSION } from '../schemas/dashboardDefinition.ts';
import { FORM_SCHEMA_VERSION } from '../schemas/formDefinition.ts';
import { PACK_SCHEMA_VERSION } from '../schemas/templatePack.ts';
import { WORKFLOW_SCHEMA_VERSION } from '../schemas/workflowDefinition.ts';
import { createMigrationSequence, type MigrationSequence } from './Migration.ts';

/**
 * Every kind's migration sequence. When a kind's schemaVersion goes up, raise its constant and add the
 * step here (with a fixture of the old version in the tests); every registered kind needs a sequence.
 */
export const MIGRATION_SEQUENCES: readonly MigrationSequence[] = [
  createMigrationSequence({ kind: 'form', version: FORM_SCHEMA_VERSION, migrations: [] }),
  createMigrationSequence({ kind: 'dashboard', version: DASHBOARD_SCHEMA_VERSION, migrations: [] }),
  createMigrationSequence({ kind: 'workflow', version: WORKFLOW_SCHEMA_VERSION, migrations: [] }),
  createMigrationSequence({ kind: 'pack', version: PACK_SCHEMA_VERSION, migrations: [] }),
];
