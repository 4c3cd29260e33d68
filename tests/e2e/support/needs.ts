// The needs list through the screen: recording a need from a compound's page, opening it, taking
// a step of its way through the list, reading its history. Functions over a Device.
import { expect } from '@playwright/test';
import type { Device } from './device';
import { choose } from './select';

export interface NewNeed {
  compoundId: string;
  category: string;
  description: string;
  raisedBy: string;
}

/** From the compound's page, as a worker standing in it: the need goes straight onto the list. */
export async function recordNeed(device: Device, need: NewNeed): Promise<void> {
  const { page } = device;
  await device.visit(`compounds/${encodeURIComponent(need.compoundId)}`);
  await page.getByTestId('compound-need-new').click();
  const form = page.getByTestId('need-form');
  await expect(form).toBeVisible();
  await form.getByTestId('need-raised-by').fill(need.raisedBy);
  const category = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: need.category }).first();
  await choose(page, 'need-category', need.category, { option: category });
  await form.getByTestId('need-description').fill(need.description);
  await expect(form.getByTestId('need-list-now')).toBeChecked();
  await page.getByTestId('need-save').click();
  await expect(form).toBeHidden();
}

export async function openNeed(device: Device, needId: string): Promise<void> {
  await device.visit(`needs/${encodeURIComponent(needId)}`);
  await expect(device.page.getByTestId('need-detail')).toBeVisible();
}

/** On a need's page: takes the action, writing the note when one is given. */
export async function takeStep(device: Device, action: string, note?: string): Promise<void> {
  const { page } = device;
  await page.getByTestId(`need-action-${action}`).click();
  const dialog = page.getByTestId('need-action-modal');
  await expect(dialog).toBeVisible();
  if (note !== undefined) await dialog.getByTestId('need-action-note').fill(note);
  await page.getByTestId('need-action-ok').click();
  await expect(dialog).toBeHidden();
}

export async function expectState(device: Device, stateName: string): Promise<void> {
  await expect(device.page.getByTestId('need-state')).toHaveText(stateName);
}

/** On a need's page: its history, one entry per step, oldest first. */
export function historySteps(device: Device) {
  return device.page.getByTestId('need-history').getByTestId('need-step');
}
