// Gives the integration tests a PostgreSQL to create their databases on: DATABASE_URL when set,
// else a throwaway cluster that lives as long as the test run. Never skipped: CI installs PostgreSQL.
import type { TestProject } from 'vitest/node';
import { startCluster } from './support/cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL on which the tests may CREATE DATABASE. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return async () => {};
  }
  const cluster = await startCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
