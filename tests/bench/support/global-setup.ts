// One PostgreSQL cluster for the whole benchmark run (vitest's globalSetup): every benchmark file used
// to start its own (initdb and start, 4–13 s each on the 2-core machine) and seed it. Now the first
// file seeds the data set once into a template database and every bench server gets a copy of it
// (support/bench-server.ts). Not started when BENCH_DATABASE_URL names a database to use instead.
import type { TestProject } from 'vitest/node';
import { startCluster } from '../../integration/support/cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of the run's shared cluster (its `postgres` database), or '' when there is none. */
    benchClusterUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.BENCH_DATABASE_URL) {
    project.provide('benchClusterUrl', '');
    return () => Promise.resolve();
  }
  const cluster = await startCluster();
  project.provide('benchClusterUrl', cluster.url);
  return () => cluster.stop();
}
