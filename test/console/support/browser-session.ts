import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's chromium, never a downloaded one; flags for a machine without network or GPU. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * One browser context (one person at one keyboard) with the console open, and every error the
 * page reports: console.error calls and uncaught exceptions. Scenarios end with `assertClean()`.
 * A request the server refuses also prints an error line in the browser ("Failed to load resource:
 * ... 400"); a step that expects a refusal wraps itself in `expectingRefusals()`.
 */
export class BrowserSession {
  private readonly errors: string[] = [];
  private allowedStatuses = 0;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const text = m.text();
      if (this.allowedStatuses > 0 && /Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
      if (this.allowedStatuses > 0 && /Failed to load resource: net::ERR_/.test(text)) return;
      this.errors.push(`console.error: ${text}`);
    });
    page.on('pageerror', (e) => this.errors.push(`uncaught: ${e.message}`));
    // Says which request the browser's bare "status of 400" line was about.
    page.on('response', (r) => {
      if (r.status() < 400 || this.allowedStatuses > 0) return;
      const action = /Action=([A-Za-z]+)/.exec(r.request().postData() ?? '')?.[1] ?? r.url();
      void r.text().then(
        (body) => this.errors.push(`HTTP ${r.status()} for ${action}: ${/<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? ''} ${/<Message>([^<]*)<\/Message>/.exec(body)?.[1] ?? ''}`),
        () => this.errors.push(`HTTP ${r.status()} for ${action}`),
      );
    });
  }

  static async open(browser: Browser, baseUrl: string): Promise<BrowserSession> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return new BrowserSession(context, page, baseUrl);
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(this.baseUrl + path);
  }

  /** Runs a step in which the server is expected to refuse requests (4xx) or the network to fail. */
  async expectingRefusals<T>(step: () => Promise<T>): Promise<T> {
    this.allowedStatuses++;
    try {
      return await step();
    } finally {
      this.allowedStatuses--;
    }
  }

  /** Cuts the browser off the network (requests fail as on a dropped connection), or restores it. */
  async setOffline(offline: boolean): Promise<void> {
    await this.context.setOffline(offline);
  }

  /** The errors seen so far (empty when the page behaved). */
  browserErrors(): readonly string[] {
    return [...this.errors];
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
