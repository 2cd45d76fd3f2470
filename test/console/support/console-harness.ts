import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { toolAvailable } from '../../support/require-tool.js';
import type { RunningServer } from '../../support/start-server.js';
import type { StartOptions } from '../../support/start-server.js';
import { startServer } from '../../support/start-server.js';
import { ConsoleApp } from '../pages/console-app.js';
import { screenshot } from './screenshots.js';
import { BrowserSession, CHROMIUM, launchChromium } from './browser-session.js';

/** Whether this machine can run the browser suite (in CI a missing chromium fails instead). */
export const chromiumAvailable = toolAvailable('chromium', [CHROMIUM, '--version']);

export interface ConsoleHarness {
  readonly server: RunningServer;
  /** A new browser context (its own storage, so its own sign-in and account) with the console signed in. */
  signedIn(accountId: string, region?: string): Promise<ConsoleApp>;
  /** A new browser context at the sign-in panel. */
  fresh(): Promise<ConsoleApp>;
}

/**
 * One server and one chromium per scenario file. Every browser context opened is checked after
 * each test: any console error or uncaught exception fails the test.
 */
export function consoleHarness(serverOptions: () => StartOptions = () => ({ inMemory: true })): () => ConsoleHarness {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const sessions: BrowserSession[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(serverOptions()), launchChromium()]);
  }, 60_000);

  afterEach(async ({ task }) => {
    // A failed step leaves no trace of what the page showed: keep a picture and its text.
    if (task.result?.state === 'fail') {
      await Promise.all(sessions.map(async (s, i) => {
        const name = `failed-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}-${i}`;
        const file = await screenshot(s.page, name, true).catch(() => 'no screenshot');
        const text = await s.page.locator('body').innerText({ timeout: 2_000 }).catch(() => '');
        console.error(`page ${i} at ${s.page.url()} (${file}):\n${text.slice(0, 3_000)}`);
      }));
    }
    const errors = sessions.flatMap((s) => s.browserErrors());
    await Promise.all(sessions.splice(0).map((s) => s.close()));
    expect(errors, 'errors in the browser console').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const open = async (): Promise<ConsoleApp> => {
    if (!server || !browser) throw new Error('harness not started');
    const s = await BrowserSession.open(browser, server.url);
    sessions.push(s);
    return new ConsoleApp(s);
  };

  return () => {
    if (!server) throw new Error('harness not started');
    return {
      server,
      fresh: async () => {
        const app = await open();
        await app.session.goto('/');
        return app;
      },
      signedIn: async (accountId, region) => (await open()).start(accountId, region),
    };
  };
}
