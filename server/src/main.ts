// CLI: `npm run server [-- --demo]`. Configured by PORT, DATABASE_URL, DATA_DIR, ADMIN_USERNAME,
// ADMIN_PASSWORD, TLS_CERT / TLS_KEY (PEM files), STREET_NAME, UPDATES_DIR (desktop releases served
// at /updates/; default ./updates).
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { consoleMessages as text } from './messages';
import { launchServer, type LaunchedServer } from './server';

async function main(): Promise<void> {
  const env = process.env;
  const tls = env.TLS_CERT && env.TLS_KEY ? { cert: readFileSync(env.TLS_CERT, 'utf8'), key: readFileSync(env.TLS_KEY, 'utf8') } : undefined;
  const server = await launchServer(
    {
      ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
      ...(env.ADMIN_USERNAME ? { adminUsername: env.ADMIN_USERNAME } : {}),
      ...(env.ADMIN_PASSWORD ? { adminPassword: env.ADMIN_PASSWORD } : {}),
      ...(tls ? { tls } : {}),
      demo: process.argv.includes('--demo'),
    },
    true,
  );
  report(server, tls !== undefined);
  let stopping = false;
  const stop = (): void => {
    // A second Ctrl+C does not wait for a clean stop.
    if (stopping) process.exit(1);
    stopping = true;
    console.log(text.stopping);
    server.close().then(
      () => {
        console.log(text.stopped);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function report(server: LaunchedServer, https: boolean): void {
  console.log(text.listening(server.url));
  for (const address of lanAddresses()) console.log(text.listening(`${https ? 'https' : 'http'}://${address}:${server.port}`));
  if (server.demoAccounts.length === 0) return;
  console.log(text.demoAccounts);
  for (const account of server.demoAccounts) {
    const communities = account.communityNames.length > 0 ? account.communityNames.join('、') : '—';
    console.log(`  ${account.username} / ${account.password} / ${text.roles[account.role]} / ${communities}`);
  }
}

/** The machine's IPv4 addresses other computers in the office can reach it on. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal)
    .map((info) => info.address);
}

main().catch((error: unknown) => {
  console.error(text.failed, error);
  process.exit(1);
});
