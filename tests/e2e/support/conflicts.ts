// For pages that read the server directly (the recycle bin): sign in without waiting for the first
// sync, which for a street admin is the whole street and slow on a loaded machine.
import { expect } from '@playwright/test';
import type { Device } from './device';

export async function signInWithoutFirstSync(device: Device, serverUrl: string, username: string, password: string): Promise<void> {
  const { page } = device;
  await expect(page.getByTestId('login-server')).toHaveValue(serverUrl);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await device.unlockAutomatically(password);
  // The signed-in layout opens once the local database does; not a timing assertion.
  await expect(page.getByTestId('sync-online')).toHaveAttribute('data-online', 'true', { timeout: 180_000 });
}
