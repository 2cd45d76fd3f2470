import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** test-output/ is gitignored: screenshots are for people to look at, not to commit. */
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../../test-output/screenshots');

/** `fullPage` takes the whole scrolled page (a drawn path runs below the fold). */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // Let spinners and transitions settle so the picture shows the page, not its loading state.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.evaluate('window.scrollTo(0, 0)');
  // Cloudscape fades alerts and dialogs in; wait the animation out.
  await page.waitForTimeout(400);
  await page.screenshot({ path, fullPage });
  return path;
}
