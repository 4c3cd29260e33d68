// The first screen after login (issue 3, domain.md "headline figures"): the street admin sees the
// programme's six figures, counted on the device from the synced demo data.
import { expect, test } from '@playwright/test';
import { Device } from './support/device';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
test.beforeEach(async () => {
  server = await startTestServer();
});
test.afterEach(async () => {
  await server.close();
});

test('the street admin sees the six headline figures of the demo street', async ({ browser }) => {
  const compounds = (await (await server.signIn('admin', 'demo1234')).all('compounds')).filter((doc) => !doc._deleted);
  const unmanaged = compounds.filter((doc) => !doc.propertyManaged).length;
  expect(unmanaged * 2).toBeGreaterThan(compounds.length);

  const device = await Device.open(browser, server.url);
  await device.signIn('admin', 'demo1234');
  await device.visit('');
  const figure = (name: string) => device.page.getByTestId(`home-headline-${name}`);
  // Each figure is its title, then its value (and for two, "/ the whole").
  await expect(figure('grids')).toHaveText(/\D129$/);
  await expect(figure('reported')).toHaveText(/\D3,654$/);
  await expect(figure('pilot')).toHaveText(/\D14$/);
  await expect(figure('upgraded')).toHaveText(/\D4\/ 14$/);
  await expect(figure('branches')).toHaveText(/\D5$/);
  await expect(figure('unmanaged')).toHaveText(new RegExp(`\\D${unmanaged}/ ${compounds.length}（\\d+%）$`));
});
