// Red building leaders through the screen: a compound's building list, the claim dialog, the
// claim history. Functions over a Device, so the shared page object stays as it is.
import { expect } from '@playwright/test';
import type { Device } from './device';
import { choose } from './select';

/** Opens a compound's page by its id (works offline: the app is served by its service worker). */
export async function openCompoundPage(device: Device, compoundId: string): Promise<void> {
  await device.visit(`compounds/${encodeURIComponent(compoundId)}`);
  await expect(device.page.getByTestId('building-table')).toBeVisible();
}

/** On a compound's page: claims the building for the member, found by typing their name. */
export async function claimBuilding(device: Device, buildingId: string, member: { id: string; name: string }): Promise<void> {
  const { page } = device;
  await page.getByTestId(`leader-claim-${buildingId}`).click();
  const form = page.getByTestId('leader-form');
  await expect(form).toBeVisible();
  await choose(page, 'leader-member', member.name, { type: member.name, option: page.getByTestId(`leader-option-${member.id}`) });
  await page.getByTestId('leader-save').click();
  await expect(form).toBeHidden();
  await expectLeader(device, buildingId, member.name);
}

export async function expectLeader(device: Device, buildingId: string, name: string): Promise<void> {
  await expect(device.page.getByTestId(`building-leader-${buildingId}`)).toHaveText(name);
}

/** On a compound's page: the claim history's rows as text, newest first. */
export async function claimHistoryRows(device: Device, buildingId: string): Promise<string[]> {
  const { page } = device;
  await page.getByTestId(`leader-history-${buildingId}`).click();
  const rows = page.getByTestId('leader-history-table').locator('tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  const texts = await rows.allInnerTexts();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('leader-history-table')).toBeHidden();
  return texts.map((text) => text.replace(/\s+/g, ' ').trim());
}
