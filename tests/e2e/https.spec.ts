// The web build served over HTTPS, as a street office serves it when given a certificate (issue 8):
// the page is a secure context, so WebCrypto (the local data key) and the service worker (opening
// without a network) work; a person signs in, the first sync completes and the lists fill.
// The certificate is a fresh self-signed one made by openssl, so the browser is told to accept it.
import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { generateDemo } from '../../server/src/demo/generate';
import { Device } from './support/device';
import { startTestServer, type TestServer } from './support/server';

const PASSWORD = 'demo1234';

function opensslInstalled(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A self-signed P-256 certificate for localhost and 127.0.0.1, valid two days. */
function selfSignedCertificate(): { cert: string; key: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-tls-'));
  try {
    const certFile = path.join(dir, 'cert.pem');
    const keyFile = path.join(dir, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
        '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout', keyFile, '-out', certFile,
      ],
      { stdio: 'pipe' },
    );
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Chromium's pin of a certificate's public key: base64 of the SHA-256 of its SubjectPublicKeyInfo. */
function spkiPin(cert: string): string {
  const spki = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

const openssl = opensslInstalled();
test.skip(!openssl, 'openssl is not installed here, so the HTTPS test cannot make its self-signed certificate and skips');

// One certificate for this file's worker. Chromium refuses to register a service worker from a
// page with a certificate error, which `ignoreHTTPSErrors` only hides: the browser is told to
// trust this one key instead, as a street office's staff would install their server's certificate.
// `ignoreHTTPSErrors` stays for Playwright's own requests (`page.request`), made from Node.
const tls = openssl ? selfSignedCertificate() : null;
test.use({
  ignoreHTTPSErrors: true,
  launchOptions: [
    async ({ launchOptions }, use) => {
      const args = [...(launchOptions.args ?? []), ...(tls ? [`--ignore-certificate-errors-spki-list=${spkiPin(tls.cert)}`] : [])];
      await use({ ...launchOptions, args });
    },
    { scope: 'worker' },
  ],
});

let server: TestServer;
test.beforeEach(async () => {
  if (!tls) throw new Error('no certificate');
  server = await startTestServer({ tls });
});
test.afterEach(async () => {
  await server.close();
});

test('over HTTPS the web app is a secure context: sign-in, first sync, service worker, WebCrypto and a list', async ({ browser }) => {
  // A first sync of a whole community over TLS on a loaded machine: not a timing assertion.
  test.setTimeout(300_000);
  expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  // What staff01 should find: the demo data set is generated the same way every time.
  const demo = generateDemo();
  const staff = demo.accounts.find((account) => account.username === 'staff01');
  const compound = demo.documents.compounds.find((doc) => !doc._deleted && staff?.communityIds.includes(doc.communityId));
  if (!compound) throw new Error('the demo data set has no compound of staff01');

  const device = await Device.open(browser, server.url);
  const { page } = device;
  expect(await page.evaluate(() => ({ protocol: location.protocol, secure: window.isSecureContext }))).toEqual({ protocol: 'https:', secure: true });
  // The server says so on every answer over TLS: browsers stay on HTTPS from now on.
  const answer = await page.request.get(`${server.url}/`);
  expect(answer.headers()['strict-transport-security']).toMatch(/max-age=\d+/);

  // Signing in derives and stores the local data key (WebCrypto), the first sync fills the local
  // database, and the service worker takes control (signIn waits for each).
  await device.signIn('staff01', PASSWORD);
  expect(
    await page.evaluate(async () => {
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode('社区治理'));
      const opened = new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed));
      const registration = await navigator.serviceWorker.getRegistration();
      return { opened, serviceWorker: registration?.active?.scriptURL ?? null };
    }),
  ).toEqual({ opened: '社区治理', serviceWorker: `${server.url}/sw.js` });

  await device.visit('compounds');
  await page.getByTestId('compound-search').locator('input').fill(compound.name);
  await expect(page.getByRole('link', { name: compound.name, exact: true })).toBeVisible();

  // The app opens again from its service worker with the server out of reach.
  await device.goOffline();
  await page.reload();
  await expect(page.getByTestId('sync-online')).toHaveAttribute('data-online', 'false');
  await device.visit('compounds');
  await page.getByTestId('compound-search').locator('input').fill(compound.name);
  await expect(page.getByRole('link', { name: compound.name, exact: true })).toBeVisible();
  await device.goOnline();
  await device.expectSynced();

  await device.close();
});
