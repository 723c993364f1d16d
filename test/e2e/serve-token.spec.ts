/**
 * `serve`'s API token in a real browser: it never sits in a cookie, so another web
 * server on 127.0.0.1 (any port) receives nothing; it leaves the address bar and history at once; a
 * reload and a second tab still get in, through single-use hand-offs, and no storage holds the token.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { firstScreen, openUi } from './helpers/ui';

const token = (): string => process.env.E2E_TOKEN as string;
const origin = (): string => process.env.E2E_ORIGIN as string;

/** Everything the page keeps in web storage, as one string. */
const storageOf = (page: Page): Promise<string> => page.evaluate(() => JSON.stringify({ session: { ...sessionStorage }, local: { ...localStorage } }));

test('the token stays out of cookies, the address bar, history and storage; reload and a second tab work', async ({ page, context }) => {
  // Another local web server, as a dev server or a notebook the person also has open.
  const seen: IncomingHttpHeaders[] = [];
  const other: Server = createServer((req, res) => {
    seen.push(req.headers);
    res.end('<!doctype html><title>other</title>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const otherPort = (other.address() as AddressInfo).port;

  try {
    await openUi(page);
    expect(page.url()).not.toContain(token());
    expect(page.url()).not.toContain('token=');
    expect(await context.cookies()).toEqual([]);
    expect(await storageOf(page)).not.toContain(token());

    // History: the launch URL was replaced, not kept (Back leaves, Forward comes back without it).
    await page.goBack();
    expect(page.url()).toBe('about:blank');
    await page.goForward();
    expect(page.url()).not.toContain('token=');
    await firstScreen(page);

    // Reload: the tab's hand-off gets it in again.
    await page.reload();
    await firstScreen(page);
    expect(page.url()).not.toContain('token=');

    // A second tab on the bare origin: an open tab hands it a code of its own.
    const second = await context.newPage();
    await second.goto(`${origin()}/`);
    await firstScreen(second);
    expect(await storageOf(second)).not.toContain(token());

    // The other server, on both loopback names, receives no credential of ours.
    await second.goto(`http://127.0.0.1:${otherPort}/`);
    await second.goto(`http://localhost:${otherPort}/`);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const headers of seen) expect(JSON.stringify(headers)).not.toContain(token());
    expect(seen.every((headers) => headers.cookie === undefined)).toBe(true);
    expect(await context.cookies()).toEqual([]);
    await second.close();
  } finally {
    await new Promise<void>((resolve) => other.close(() => resolve()));
  }
});
