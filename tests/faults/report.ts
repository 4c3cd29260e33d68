// What a scenario of the fault suite injected and what the checker found, appended to the run's
// report file (one JSON line per scenario) for the global teardown to sum up. A scenario that
// *expects* losses — the deliberately broken client — says so, and its losses count separately.
import { appendFileSync } from 'node:fs';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The file every scenario appends its report line to. */
    faultReportFile: string;
    /** A PostgreSQL URL on which scenarios may CREATE DATABASE (a throwaway cluster, or DATABASE_URL). */
    postgresUrl: string;
  }
}

export interface FaultReport {
  /** e.g. "network: connection cut mid-push (12 times)". */
  scenario: string;
  /** How many faults were injected. */
  injected: number;
  /** Acknowledged writes the checker could not find where they belong. */
  lost: number;
  /** Documents whose state differs between a device and the server after quiescence. */
  diverged: number;
  /** The deliberately broken client: its losses show the checker works, they are not ours. */
  expectsLoss?: boolean;
  /** Lines to print under the scenario: what was done, what was found. */
  details?: string[];
}

export function report(entry: FaultReport): void {
  appendFileSync(inject('faultReportFile'), `${JSON.stringify(entry)}\n`);
  const head = `${entry.expectsLoss ? '[broken client] ' : ''}${entry.scenario}: ${entry.injected} injected, ${entry.lost} lost, ${entry.diverged} diverged`;
  console.log([head, ...(entry.details ?? []).map((line) => `  ${line}`)].join('\n'));
}
