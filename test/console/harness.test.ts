// The browser harness itself: what makes every console scenario fail on a browser error.
import { describe, expect, it } from 'vitest';
import { BrowserSession, launchChromium } from './support/browser-session.js';
import { chromiumAvailable } from './support/console-harness.js';

describe.skipIf(!chromiumAvailable)('console test harness', () => {
  it('records console errors and uncaught exceptions; lets a refusal through only where one is expected', { timeout: 60_000 }, async () => {
    const browser = await launchChromium();
    try {
      const s = await BrowserSession.open(browser, 'http://127.0.0.1:9');
      await s.page.setContent('<p>harness</p>');
      await s.page.evaluate('console.warn("only a warning")');
      await s.page.evaluate('console.error("boom")');
      await s.page.evaluate('setTimeout(() => { throw new Error("kaboom"); }, 0)');
      await s.page.waitForTimeout(200);
      expect(s.browserErrors()).toEqual(['console.error: boom', 'uncaught: kaboom']);

      const refusal = 'console.error("Failed to load resource: the server responded with a status of 400 (Bad Request)")';
      await s.expectingRefusals(() => s.page.evaluate(refusal));
      expect(s.browserErrors()).toHaveLength(2);
      await s.page.evaluate(refusal);
      expect(s.browserErrors()).toHaveLength(3);
      await s.close();
    } finally {
      await browser.close();
    }
  });
});
