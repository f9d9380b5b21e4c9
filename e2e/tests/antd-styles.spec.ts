// antd's styles extracted at build time (issue 9 item 10, src/app/antd-styles): the built page
// links antd's CSS with its cache-path map, so antd's CSS-in-JS injects no component `<style>` of
// its own on the first screen of a thread, after the switch to the dark theme, in the session
// modal or on the admin page; and the page still looks right: the composer's primary button has
// the theme's primary colour, light and dark (computed by antd from the same theme config).
import type { Page } from '@playwright/test';
import { theme } from 'antd';
import { antdThemeConfig, type ThemeName } from '../../components/theme/index.js';
import { composer, createChat, openApp, sendMessage } from '../fixtures/chat-page.js';
import { expect, test } from '../fixtures/test.js';

/**
 * The component styles antd generated in the page: cssinjs marks its tags `data-css-hash`; those
 * that also carry `data-token-hash` hold a theme's CSS variables, which antd always writes at
 * runtime (small, no style generation), so they are not counted. Returns their cache-path names.
 */
const runtimeComponentStyles = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('style[data-css-hash]:not([data-token-hash])')].map((style) => style.getAttribute('data-css-hash') ?? ''));

/** antd's primary colour of a theme as the browser computes it (`rgb(r, g, b)`). */
function primaryColour(name: ThemeName): string {
  const hex = theme.getDesignToken(antdThemeConfig(name)).colorPrimary.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

const sendButtonBackground = (page: Page) => page.getByRole('button', { name: 'Send' }).evaluate((button) => getComputedStyle(button).backgroundColor);

test('antd styles come from the extracted CSS: no runtime component styles, light and dark', async ({ page, hub, saveScreenshot }) => {
  await openApp(page, hub);
  await createChat(page, 'styles.chat');
  await sendMessage(page, 'A message that opens a thread');

  // A fresh page on the chat's thread: its first screen is what the extraction is for.
  await page.reload();
  await expect(page.getByText('A message that opens a thread').first()).toBeVisible();
  await composer(page).fill('a draft');
  // polled: antd's button fades from its disabled colour (a CSS transition)
  await expect.poll(() => sendButtonBackground(page)).toBe(primaryColour('light'));
  expect(await runtimeComponentStyles(page)).toEqual([]);
  expect(await page.locator('link[rel="stylesheet"][href*="antd-"]').count()).toBe(1);

  await page.getByRole('radio', { name: 'Dark' }).locator('xpath=..').click();
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
  await expect.poll(() => sendButtonBackground(page)).toBe(primaryColour('dark'));
  expect(await runtimeComponentStyles(page)).toEqual([]);

  // The session modal: Modal, Form, Select, Segmented, Collapse... all from the file as well.
  await page.getByRole('button', { name: 'New agent thread' }).click();
  await expect(page.getByRole('dialog')).toContainText('Agent session');
  await page.getByRole('dialog').getByRole('combobox', { name: 'Agent' }).click();
  await expect(page.getByRole('listbox').last()).toBeVisible();
  expect(await runtimeComponentStyles(page)).toEqual([]);
  await saveScreenshot(page, 'antd-styles-dark-modal');

  await page.goto(`${hub.origin}/#/admin`);
  await expect(page.getByRole('main', { name: 'Admin settings' })).toBeVisible();
  expect(await runtimeComponentStyles(page)).toEqual([]);
});
