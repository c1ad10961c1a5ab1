// Test helpers other packages' tests share (`@formboard/storage/testing`): fresh SQLite files and
// fresh databases on the throwaway PostgreSQL cluster that postgresGlobalSetup.ts starts.
export { freshPostgresDatabase } from './databases.ts';
export { startPostgresCluster } from './postgresCluster.ts';
export { freshSqliteFile } from './sqliteFiles.ts';

declare module 'vitest' {
  /** What postgresGlobalSetup.ts provides: the admin URL of the run's PostgreSQL cluster. */
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
