// Gives the scenarios a report file and a PostgreSQL cluster, and at the end prints every report
// and the summary line. The summary counts the scenarios of our own client; the broken client's
// line is printed apart, and the run fails if it found nothing (the checker would be blind).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startCluster } from '../integration/support/cluster';
import type { FaultReport } from './report';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'cg-faults-'));
  const file = join(dir, 'reports.jsonl');
  project.provide('faultReportFile', file);
  const given = process.env.DATABASE_URL;
  const cluster = given ? undefined : await startCluster();
  project.provide('postgresUrl', given ?? cluster!.url);
  return async () => {
    await cluster?.stop();
    let reports: FaultReport[] = [];
    try {
      reports = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as FaultReport);
    } catch {
      // No scenario reported.
    }
    rmSync(dir, { recursive: true, force: true });
    const ours = reports.filter((entry) => !entry.expectsLoss);
    const broken = reports.filter((entry) => entry.expectsLoss);
    const sum = (key: 'injected' | 'lost' | 'diverged') => ours.reduce((total, entry) => total + entry[key], 0);
    console.log('\nFault injection:');
    for (const entry of reports) {
      console.log(`  ${entry.expectsLoss ? '[broken client] ' : ''}${entry.scenario}: ${entry.injected} injected, ${entry.lost} lost, ${entry.diverged} diverged`);
    }
    for (const entry of broken) {
      if (entry.lost + entry.diverged === 0) {
        console.log(`  the checker found nothing wrong with the broken client (${entry.scenario}): it cannot be trusted`);
        process.exitCode = 1;
      }
    }
    console.log(`faults: ${sum('injected')} injected, ${sum('lost')} documents lost, ${sum('diverged')} diverged`);
    if (sum('lost') + sum('diverged') > 0) process.exitCode = 1;
  };
}
