// One sign-in per browser, as in AWS's console: a tab already open follows a sign-in made in
// another, a new tab or a ctrl-clicked link opens signed in, a switch of account reaches every tab
// (each tab keeps its own region), and signing out in one tab signs every tab out.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SignInPage } from './pages/sign-in-page.js';
import { TopBar } from './pages/top-bar.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const FIRST = '616161616161';
const SECOND = '626262626262';
const SIGN_IN_HEADING = 'Sign in to the VPC console';

/** The harness checks its own page for errors; the extra tabs are checked here the same way. */
function watchErrors(page: Page, errors: string[]): Page {
  page.setDefaultTimeout(15_000);
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return page;
}

const accountShown = (page: Page, account: string): Promise<void> => page.getByRole('button', { name: `Account ${account}: switch account or sign out` }).waitFor();
const signInShown = (page: Page): Promise<void> => page.getByRole('heading', { name: SIGN_IN_HEADING }).waitFor();

describe.skipIf(!chromiumAvailable)('console: one sign-in for every tab', () => {
  const harness = consoleHarness();

  it('follows a sign-in, opens new tabs signed in, switches account everywhere, signs every tab out', { timeout: 120_000 }, async () => {
    const app = await harness().fresh();
    const { context, page: first, baseUrl } = app.session;
    const errors: string[] = [];

    // A second tab, open before anyone signs in, at a page deep in the console.
    const second = watchErrors(await context.newPage(), errors);
    await second.goto(`${baseUrl}/route-tables`);
    await signInShown(second);

    await app.signIn.signIn(FIRST);
    // The waiting tab follows without a reload, and shows the page it was asked for.
    await accountShown(second, FIRST);
    await second.getByRole('heading', { name: /^Route tables/, level: 1 }).waitFor();
    expect(new URL(second.url()).pathname).toBe('/route-tables');

    // A new tab opens signed in.
    const third = watchErrors(await context.newPage(), errors);
    await third.goto(`${baseUrl}/vpcs`);
    await accountShown(third, FIRST);
    expect(await new SignInPage(third).isShown()).toBe(false);

    // So does a ctrl-click on a link: a new tab, signed in, while this one stays where it was.
    const [clicked] = await Promise.all([
      context.waitForEvent('page'),
      first.getByRole('navigation', { name: 'Side navigation' }).getByRole('link', { name: 'Subnets', exact: true }).click({ modifiers: ['Control'] }),
    ]);
    watchErrors(clicked, errors);
    await clicked.waitForURL(/\/subnets$/);
    await accountShown(clicked, FIRST);
    expect(new URL(first.url()).pathname).toBe('/');

    // The region is each tab's own: a switch in one leaves the others where they are, even after a reload...
    await app.topBar.switchRegion('us-west-2');
    expect(await new TopBar(third).region()).toBe('us-east-1');
    await third.reload();
    await accountShown(third, FIRST);
    expect(await new TopBar(third).region()).toBe('us-east-1');
    // ...and a tab opened afterwards starts in the region chosen last.
    const fourth = watchErrors(await context.newPage(), errors);
    await fourth.goto(`${baseUrl}/vpcs`);
    await accountShown(fourth, FIRST);
    expect(await new TopBar(fourth).region()).toBe('us-west-2');

    // Switching account in one tab switches every tab (still in its own region).
    await new TopBar(third).switchAccount(SECOND);
    await accountShown(first, SECOND);
    await accountShown(second, SECOND);
    expect(await app.topBar.region()).toBe('us-west-2');
    expect(await new TopBar(second).region()).toBe('us-east-1');

    // Signing out in one tab signs out every tab.
    await new TopBar(second).signOut();
    await Promise.all([first, third, fourth, clicked].map(signInShown));
    // Nothing of the sign-in is left behind in the browser.
    expect(await first.evaluate('JSON.stringify([Object.keys(localStorage), Object.keys(sessionStorage)])')).toBe('[[],[]]');
    await third.reload();
    await signInShown(third);
    expect(errors).toEqual([]);
  });
});
