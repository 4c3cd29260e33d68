// The bench server in a process of its own (startBenchServer's `process: 'child'`), as the street
// office runs it: the simulated devices' work then does not share the server's event loop.
// Storage from BENCH_SERVER_DATABASE_URL (PostgreSQL) or BENCH_SERVER_DATA_DIR (PGlite).
import { startServer } from '../../../server/src/server';

const databaseUrl = process.env.BENCH_SERVER_DATABASE_URL;
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  webRoot: null,
  quiet: true,
  minClientVersion: '0.0.0',
  ...(databaseUrl ? { databaseUrl } : { dataDir: process.env.BENCH_SERVER_DATA_DIR ?? 'memory://' }),
});
process.stdout.write(`LISTENING ${server.url}\n`);
process.on('SIGTERM', () => {
  void server.close().finally(() => process.exit(0));
});
