// Driving the real Monaco editor inside a plugin's editor: focus, type, read the suggestion widget.
import type { Locator, Page } from 'playwright-core';

/** The Monaco editor inside the element with this test id, once Monaco has rendered it. */
export async function monacoIn(page: Page, testId: string): Promise<Locator> {
  // role="code" tells the editor from Monaco's own widgets that are editors too (rename box…).
  const editor = page.getByTestId(testId).locator('.monaco-editor[role="code"]');
  await editor.waitFor({ timeout: 30_000 });
  return editor;
}

/** Clicks into the editor, selects everything and deletes it. */
export async function clearEditor(page: Page, editor: Locator): Promise<void> {
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
}

/** The labels of the suggestion widget's rows once it shows `expected`. */
export async function suggestionsShowing(page: Page, expected: string): Promise<string[]> {
  const widget = page.locator('.suggest-widget.visible');
  // The first completion waits for the lazily loaded Cypher language chunk to be parsed.
  await widget.locator('.monaco-list-row', { hasText: expected }).first().waitFor({ timeout: 30_000 });
  return widget.locator('.monaco-list-row .label-name').allInnerTexts();
}
