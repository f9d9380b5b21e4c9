// Scenario 6: the admin turns a model off; it disappears from an open session-config modal in
// another tab without a reload.
import type { Page } from '@playwright/test';
import { createChat, openApp } from '../fixtures/chat-page.js';
import { connectHubClient } from '../fixtures/hub-client.js';
import { expect, test } from '../fixtures/test.js';

const MODELS = ['e2e-model-alpha', 'e2e-model-beta', 'e2e-model-gamma'];

async function offeredModels(page: Page): Promise<string[]> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Model' }).click();
  const listbox = page.getByRole('listbox').last();
  await expect(listbox).toBeVisible();
  const names = await page.getByRole('option').allTextContents();
  await page.keyboard.press('Escape');
  return [...new Set(names.map((name) => name.trim()).filter((name) => name !== ''))];
}

test('a model the admin removes leaves the open modal at once', async ({ page, context, hub, saveScreenshot }) => {
  // Set-up: the admin's starting list of offered models, over the hub's API.
  const client = connectHubClient(hub);
  try {
    await client.call('settings.set', { settings: { codex_default_models: MODELS } });
  } finally {
    client.close();
  }

  await openApp(page, hub);
  await createChat(page, 'models.chat');
  await page.getByRole('button', { name: 'New agent thread' }).click();
  await expect(page.getByRole('dialog')).toContainText('Agent session');
  await expect.poll(() => offeredModels(page)).toEqual(MODELS);

  const admin = await context.newPage();
  await admin.goto(`${hub.origin}/#/admin`);
  const settings = admin.getByRole('main', { name: 'Admin settings' });
  await settings.getByRole('button', { name: 'Remove e2e-model-gamma' }).click();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Saved.');
  await saveScreenshot(admin, 'admin-models-admin');

  // The first tab was never reloaded: its open modal follows settings.change.
  await expect.poll(() => offeredModels(page)).toEqual(MODELS.slice(0, 2));
  await expect(page.getByRole('dialog')).toBeVisible();
  await saveScreenshot(page, 'admin-models');
});
