// The login pages in a real Chromium: its form POSTs pass the same-origin check (the pages'
// Referrer-Policy lets it send its Origin), the CSP admits the one stylesheet, no hostile name runs
// as script, and a page without a session lands on the login form with `next`.
import { chromium, type Browser, type Page } from 'playwright-core';
import { openPglite, runMigrations, type Database } from '../db/index.js';
import { addTestAccount, linkTokenFor, startLoginTestServer, type LoginTestServer } from './login-test-server.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const HOSTILE_NAME = `<script>window.__ran = 1</script><img src=x onerror="window.__ran = 2">`;

describe('login pages in Chromium', () => {
  let db: Database;
  let server: LoginTestServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    db = await openPglite();
    await runMigrations(db);
    server = await startLoginTestServer(db);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await (await browser.newContext()).newPage();
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => problems.push(`console ${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('sets a password from a one-time link, logs out, logs in again and returns to the page it was going to', async () => {
    const account = await addTestAccount(db, { name: HOSTILE_NAME });
    await page.goto(`${server.origin}/login/link?token=${await linkTokenFor(db, account)}`);
    expect(await page.textContent('p')).toBe(`Welcome, ${HOSTILE_NAME}.`);
    // The stylesheet applied under the CSP: the button has its colour.
    expect(await page.$eval('button', (button) => getComputedStyle(button).backgroundColor)).toBe('rgb(22, 104, 220)');
    await page.fill('#password', 'the password of the test');
    await page.fill('#confirm', 'the password of the test');
    await Promise.all([page.waitForURL(`${server.origin}/`), page.click('button')]);
    expect(JSON.parse((await page.textContent('body')) ?? '').account.id).toBe(account.id);

    await page.goto(`${server.origin}/logout`);
    await Promise.all([page.waitForURL(`${server.origin}/login`), page.click('button')]);

    // A page without a session goes to the login form, and back after logging in.
    await page.goto(`${server.origin}/chat/p1?thread=2`);
    expect(page.url()).toBe(`${server.origin}/login?next=%2Fchat%2Fp1%3Fthread%3D2`);
    await page.fill('#email', account.email);
    await page.fill('#password', 'not the password');
    await Promise.all([page.waitForNavigation(), page.click('button')]);
    expect(await page.textContent('.error')).toBe('Wrong email or password.');
    await page.fill('#password', 'the password of the test');
    await Promise.all([page.waitForURL(`${server.origin}/chat/p1?thread=2`), page.click('button')]);
    expect(JSON.parse((await page.textContent('body')) ?? '').account.email).toBe(account.email);

    expect(await page.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined();
    // The only console line allowed: the 401 of the wrong password.
    expect(problems.filter((line) => !line.includes('401'))).toEqual([]);
  });
});
