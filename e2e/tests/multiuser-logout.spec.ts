// Multiuser on a plain-http host name that is not loopback (as on a LAN): Chromium sends no
// Sec-Fetch-Site there, so the app page's own Referrer-Policy decides whether the Log out form's
// POST carries an Origin. With `no-referrer` it would send `Origin: null` and the hub's CSRF check
// would refuse the logout (403); the app is served with `same-origin`, so Log out works.
import { CHROMIUM_ARGS } from '../playwright.config.js';
import { startMultiuserHub } from '../fixtures/start-multiuser-hub.js';
import { expect, test } from '../fixtures/test.js';

const LAN_NAME = 'codex-chat.test';
test.use({ launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${LAN_NAME} 127.0.0.1`] } });

test('multiuser: Log out from the app page works on a non-loopback http host name', async ({ browser }) => {
  test.setTimeout(240_000);
  const hub = await startMultiuserHub();
  try {
    const link = new URL(await hub.addAccount('dee@example.com', 'Dee Dale'));
    const origin = `http://${LAN_NAME}:${link.port}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}${link.pathname}${link.search}`);
    await page.getByLabel(/^New password/).fill('dee has a long password');
    await page.getByLabel('Repeat it').fill('dee has a long password');
    await page.getByRole('button', { name: 'Set password and log in' }).click();
    await page.waitForURL(`${origin}/`);
    await expect(page.getByText('You are not a member of any project yet')).toBeVisible();

    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page.getByRole('heading', { name: 'Log in to codex-chat' })).toBeVisible();
    // The session is gone: the app page sends this browser back to the login page.
    await page.goto(`${origin}/`);
    await expect(page).toHaveURL(new RegExp(`^${origin.replace(/[.]/g, '\\.')}/login`));
    await context.close();
  } finally {
    await hub.stop();
  }
});
