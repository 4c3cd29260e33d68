// Choosing from an antd select the way a person does: open it, type to narrow it when asked, click
// the option. A click can miss while the dropdown is still opening or while the page re-renders its
// options (a live query answering the typed text), so each choice is retried until the select
// shows what was chosen — never a sleep.
import { expect, type Locator, type Page } from '@playwright/test';

export interface Choice {
  /** Type this into the select first (a search select). */
  type?: string;
  /** The option to click; by default the open dropdown's option titled `label`. */
  option?: Locator;
}

/** Chooses `label` in the select with the test id; done when the select shows `label`. */
export async function choose(page: Page, testId: string, label: string, choice: Choice = {}): Promise<void> {
  const select = page.getByTestId(testId);
  const option = choice.option ?? page.locator('.ant-select-dropdown:visible .ant-select-item-option').and(page.locator(`[title="${label}"]`)).first();
  let tried = false;
  await expect(async () => {
    // A multiple select keeps what an earlier try chose: clicking it again would take it away. The
    // first try always clicks: a select may show the label as a default that is not yet a choice.
    if (tried && (await select.textContent())?.includes(label)) return;
    tried = true;
    if (!(await option.isVisible())) {
      await select.click();
      if (choice.type !== undefined) {
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type(choice.type);
      }
    }
    await option.click({ timeout: 5_000 });
    await expect(select).toContainText(label, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
