// A throwaway PostgreSQL cluster of one scenario's own, which the scenario may stop and start
// again (the shared cluster of the suite must stay up for the other scenarios). As root, every
// binary runs as the `postgres` user (initdb refuses root).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './infra-server';

const run = promisify(execFile);

function binaries(): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    candidates.push(...readdirSync(debianRoot).sort((a, b) => Number(b) - Number(a)).map((version) => join(debianRoot, version, 'bin')));
  }
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) throw new Error('The PostgreSQL restart scenario needs initdb and pg_ctl (apt-get install postgresql-15, or set PG_BIN).');
  return found;
}

export class RestartableCluster {
  private constructor(
    private readonly dir: string,
    private readonly port: number,
    private readonly as: (binary: string, args: string[]) => Promise<unknown>,
  ) {}

  /** postgres://… of a database on this cluster. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  static async start(): Promise<RestartableCluster> {
    const bin = binaries();
    const asRoot = process.getuid?.() === 0;
    const dir = await mkdtemp(join(tmpdir(), 'cg-faults-pg-'));
    if (asRoot) {
      const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
      await chown(dir, Number(uid.stdout.trim()), Number(gid.stdout.trim()));
    }
    const as = (binary: string, args: string[]) =>
      asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, binary), ...args]) : run(join(bin, binary), args);
    await as('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const cluster = new RestartableCluster(dir, await freePort(), as);
    await cluster.up();
    return cluster;
  }

  /** Starts the stopped cluster on the same port and data. */
  async up(): Promise<void> {
    const settings = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=off`;
    await this.as('pg_ctl', ['-D', join(this.dir, 'data'), '-l', join(this.dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
  }

  /** Stops it: 'fast' ends every session and rolls back open transactions; 'immediate' is a crash. */
  async down(mode: 'fast' | 'immediate'): Promise<void> {
    await this.as('pg_ctl', ['-D', join(this.dir, 'data'), '-m', mode, '-w', '-t', '60', 'stop']);
  }

  async createDatabase(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  async destroy(): Promise<void> {
    await this.down('immediate').catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}
