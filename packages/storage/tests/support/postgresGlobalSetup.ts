import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgresCluster.ts';
import type {} from './testing.ts';

// Starts a throwaway PostgreSQL 15 cluster for the test run and stops it afterwards. Tests get the
// admin URL through `inject('postgresUrl')`.

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
