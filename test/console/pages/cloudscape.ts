import type { Locator, Page } from 'playwright-core';

/**
 * How page objects drive Cloudscape components, by role and accessible name wherever the
 * component exposes one. Tests never see these details.
 */

/** Opens a Select (found by its form field label) and picks the option whose name matches. */
export async function chooseOption(page: Page, fieldLabel: string | RegExp, option: string | RegExp, scope: Page | Locator = page): Promise<void> {
  await chooseFrom(page, scope.getByRole('button', { name: fieldLabel }), option);
}

/**
 * Picks an option from an already located Select trigger. A Select whose options are still
 * loading when it is opened re-renders when they arrive and may close its list (seen under load:
 * the option never showed): it is then opened again, for up to 15 s.
 */
export async function chooseFrom(page: Page, trigger: Locator, option: string | RegExp): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    await trigger.click();
    try {
      await page.getByRole('option', { name: option }).first().click({ timeout: 3_000 });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

export interface MenuItemState {
  readonly disabled: boolean;
  /** The tooltip of a disabled item: why it cannot be used. */
  readonly reason: string;
}

/** Opens a ButtonDropdown and reports an item's state; closes the menu again. */
export async function menuItemState(page: Page, menuButton: Locator, item: string): Promise<MenuItemState> {
  await openMenu(page, menuButton);
  const entry = page.getByRole('menuitem', { name: item, exact: true });
  const disabled = (await entry.getAttribute('aria-disabled')) === 'true';
  const describedBy = await entry.getAttribute('aria-describedby');
  const reason = describedBy ? ((await page.locator(`[id="${describedBy}"]`).textContent()) ?? '') : '';
  await menuButton.press('Escape');
  await page.getByRole('menu').waitFor({ state: 'hidden' });
  return { disabled, reason };
}

/** Opens a ButtonDropdown's menu (a click on an open one would close it). */
async function openMenu(page: Page, menuButton: Locator): Promise<void> {
  if ((await menuButton.getAttribute('aria-expanded')) !== 'true') await menuButton.click();
  await page.getByRole('menu').waitFor();
}

/** The page's Actions button: every list and details page opens its actions menu here. */
export function actionsButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Actions', exact: true });
}

export async function chooseMenuItem(page: Page, menuButton: Locator, item: string): Promise<void> {
  await openMenu(page, menuButton);
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/** The cells of a table row keyed by column header text (selection column excluded). */
export async function rowCells(table: Locator, row: Locator): Promise<Record<string, string>> {
  const headers = await table.locator('thead tr').first().locator(':scope > th').allInnerTexts();
  const cells = await row.locator(':scope > td, :scope > th').allInnerTexts();
  const out: Record<string, string> = {};
  headers.forEach((h, i) => {
    const key = h.trim();
    if (key) out[key] = (cells[i] ?? '').trim();
  });
  return out;
}

/** The rows of a table with anything in them (not its empty state), keyed by column header. */
export async function filledRows(table: Locator): Promise<Record<string, string>[]> {
  await table.waitFor();
  const rows = table.getByRole('row');
  const out: Record<string, string>[] = [];
  for (let i = 1; i < (await rows.count()); i++) {
    const cells = await rowCells(table, rows.nth(i));
    if (Object.values(cells).some((v) => v !== '')) out.push(cells);
  }
  return out;
}

/** Selects a list row by the id (or address) its selection control is named after. */
export async function selectRow(page: Page, id: string): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(`${id.replace(/\./g, '\\.')}$`) }).check();
}

/** Adds one token to a PropertyFilter by typing it as a user would ("Status = Active") and pressing Enter. */
export async function addFilterToken(filterInput: Locator, text: string): Promise<void> {
  await filterInput.click();
  await filterInput.fill(text);
  await filterInput.press('Enter');
}

/** The value next to a label in a KeyValuePairs panel (a <dt>/<dd> pair). */
export async function keyValue(scope: Page | Locator, label: string | RegExp): Promise<string> {
  const term = scope.getByRole('term').filter({ hasText: label }).first();
  return (await term.locator('xpath=following-sibling::dd[1]').innerText()).trim();
}
