// The two-way assessment (issue 5): a paired department's liaison rates the street on its own
// device; the street office sees that sheet beside its own rating of the department, with the
// total and the stars computed from the street's criteria and thresholds.
import { expect, test } from '@playwright/test';
import { starsFor, weightedScore } from '@domain/stars';
import { Device } from './support/device';
import { choose } from './support/select';
import { startTestServer, type TestServer } from './support/server';

const PASSWORD = 'demo1234';

let server: TestServer;
test.beforeEach(async () => {
  server = await startTestServer();
});
test.afterEach(async () => {
  await server.close();
});

async function chooseYear(device: Device, year: number): Promise<void> {
  const option = device.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: String(year) });
  await choose(device.page, 'assessment-year', String(year), { option });
}

test("a department's liaison rates the street; the street office sees it beside its own rating, with stars", async ({ browser }) => {
  test.setTimeout(300_000);
  const liaisonApi = await server.signIn('liaison01', PASSWORD);
  const adminApi = await server.signIn('admin', PASSWORD);
  const [street] = await adminApi.all('streets');
  const department = liaisonApi.user.unitId;
  if (!street || !department) throw new Error('the demo street and liaison01 have a street and a department');
  const criteria = street.assessmentCriteria ?? [];
  const scores = criteria.map((criterion, i) => ({ criterionId: criterion.id, score: 95 - i * 5 }));
  const total = weightedScore(scores, criteria);
  if (total === undefined) throw new Error('the demo street has criteria');
  const year = new Date().getFullYear();

  const liaison = await Device.open(browser, server.url);
  await liaison.signIn('liaison01', PASSWORD);
  await liaison.visit('assessment');
  await chooseYear(liaison, year);
  // Its own rating is the street's to give: no button for it.
  await expect(liaison.page.getByTestId(`assessment-rate-${department}`)).toHaveCount(0);
  await liaison.page.getByTestId('assessment-new').click();
  const form = liaison.page.getByTestId('assessment-form');
  await form.getByTestId('assessment-direction').click();
  const directions = liaison.page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(directions).toHaveText(['部门考核街道', '部门考核社区']);
  await choose(liaison.page, 'assessment-direction', '部门考核街道');
  for (const { criterionId, score } of scores) await form.getByTestId(`assessment-score-${criterionId}`).fill(String(score));
  await liaison.page.getByTestId('assessment-save').click();
  await expect(form).toBeHidden();
  await expect(liaison.page.getByTestId(`assessment-given-${department}`)).toHaveAttribute('data-total', String(total));
  // The sheet reaches the server (the status bar may still show the sync before this save).
  const stored = () => adminApi.all('assessments').then((sheets) => sheets.find((sheet) => sheet.year === year && sheet.assessorId === department));
  await expect.poll(stored, { timeout: 60_000 }).toMatchObject({ direction: 'departmentToStreet', assesseeId: street.id, scores });
  await liaison.expectSynced();

  const office = await Device.open(browser, server.url);
  await office.signIn('admin', PASSWORD);
  await office.visit('assessment');
  await chooseYear(office, year);
  const given = office.page.getByTestId(`assessment-given-${department}`);
  await expect(given).toHaveAttribute('data-total', String(total));
  await expect(given).toHaveAttribute('data-stars', String(starsFor(total, street.starThresholds ?? [])));
  await expect(office.page.getByTestId(`assessment-received-${department}`)).toBeVisible();

  await Promise.all([liaison.close(), office.close()]);
});
