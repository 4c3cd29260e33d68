// The street server as a child process for the infrastructure fault scenarios: the same code as
// server/src/main.ts (configured by PORT, DATABASE_URL, DATA_DIR, ADMIN_USERNAME, ADMIN_PASSWORD),
// plus one fault-injection hook. With FAULT_COMMIT_PAUSE_MS set, every push transaction prints
// `FAULT before-commit` on stdout and waits that long just before its COMMIT, so the test can
// SIGKILL the process while a push transaction is certainly open.
import { launchServer } from '../../../server/src/server';

const env = process.env;
const pause = Number(env.FAULT_COMMIT_PAUSE_MS ?? 0);

const server = await launchServer({
  port: Number(env.PORT ?? 0),
  host: '127.0.0.1',
  ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.DATA_DIR ?? './.data' }),
  adminUsername: env.ADMIN_USERNAME,
  adminPassword: env.ADMIN_PASSWORD,
  webRoot: env.WEB_ROOT ?? null,
  quiet: true,
  ...(pause > 0
    ? {
        testHooks: {
          beforeCommit: async () => {
            process.stdout.write('FAULT before-commit\n');
            await new Promise((resolve) => setTimeout(resolve, pause));
          },
        },
      }
    : {}),
});
process.stdout.write(`FAULT listening ${server.url}\n`);
const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
