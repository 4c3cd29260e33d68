// Our initial sync measured in the page (owner: client helper).
import type { Page } from '@playwright/test';
import type { Bench } from '../browser/entry';
import type { InitialSyncResult } from '../browser/app-client';

declare const bench: Bench;

/** A fresh device (a new local database) pulls everything `token`'s account sees; the time until all is stored. */
export async function appInitialSync(page: Page, serverUrl: string, token: string): Promise<{ ms: number; docs: number }> {
  const { ms, docs } = await appInitialSyncDetailed(page, serverUrl, token);
  return { ms, docs };
}

/** The same, with the longest main-thread task seen during it. The device stays open and live. */
export function appInitialSyncDetailed(page: Page, serverUrl: string, token: string): Promise<InitialSyncResult> {
  return page.evaluate(([url, bearer]) => bench.app.initialSync(url, bearer), [serverUrl, token] as const);
}
