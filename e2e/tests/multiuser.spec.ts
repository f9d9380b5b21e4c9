// Issue 12, multiuser in Chromium: a real `codex-chat --multiuser` hub on PGlite with the demo agent,
// accounts and a project made with the admin CLI. Ann (owner) and Bo (collaborator) log in through
// the real login pages in two browser contexts and share one project thread: Ann's message reaches
// Bo live, Ann's turn asks permission, Bo approves, Ann reads "Bo … approved" and the turn's cards,
// and each author shows with name and avatar. Cy, in no project, sees none, cannot open Ann's
// project by its URL, and its WebSocket is refused the project's chat.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { agentTurns, card, createChat, sendMessage, startAgentThread, waitForTurnState } from '../fixtures/chat-page.js';
import { startMultiuserHub, type RunningMultiuserHub } from '../fixtures/start-multiuser-hub.js';
import { expect, test } from '../fixtures/test.js';

const PASSWORDS: Record<string, string> = {
  'ann@example.com': 'ann has a long password',
  'bo@example.com': 'bo has a long password',
  'cy@example.com': 'cy has a long password',
};

/** A fresh browser context that follows a one-time link: "Set your password", then logged in on the projects page. */
async function setPasswordFromLink(browser: Browser, hub: RunningMultiuserHub, link: string, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Set your password' })).toBeVisible();
  await page.getByLabel(/^New password/).fill(PASSWORDS[email]);
  await page.getByLabel('Repeat it').fill(PASSWORDS[email]);
  await page.getByRole('button', { name: 'Set password and log in' }).click();
  await page.waitForURL(`${hub.origin}/`);
  return { context, page };
}

/** The login form of /login in a fresh context; lands on the projects page. */
async function logIn(browser: Browser, hub: RunningMultiuserHub, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${hub.origin}/`);
  await expect(page.getByRole('heading', { name: 'Log in to codex-chat' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORDS[email]);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${hub.origin}/`);
  return { context, page };
}

/** What a JSON-RPC call over a new WebSocket of this page (its session cookie) answers. */
function callOverPageSocket(page: Page, method: string, params: unknown): Promise<unknown> {
  return page.evaluate(
    ([method, params]) =>
      new Promise((resolve, reject) => {
        const socket = new WebSocket(`ws://${location.host}/api/ws`);
        socket.onerror = () => reject(new Error('the WebSocket failed'));
        socket.onopen = () => socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }));
        socket.onmessage = (message) => {
          const frame = JSON.parse(String(message.data)) as { id?: number };
          if (frame.id !== 1) return; // heartbeats and notifications
          socket.close();
          resolve(frame);
        };
      }),
    [method, params] as const,
  );
}

test('multiuser: two members share a project thread live, approvals say who, a non-member sees nothing', async ({ browser, saveScreenshot }) => {
  test.setTimeout(420_000);
  const hub = await startMultiuserHub();
  const contexts: BrowserContext[] = [];
  try {
    const annLink = await hub.addAccount('ann@example.com', 'Ann Archer');
    const boLink = await hub.addAccount('bo@example.com', 'Bo Brown');
    const cyLink = await hub.addAccount('cy@example.com', 'Cy Cole');
    expect(await hub.admin(['projects', 'add', '--name', 'Launch', '--owner', 'ann@example.com'])).toContain('(id launch)');
    expect(await hub.admin(['projects', 'members', 'add', '--project', 'launch', '--email', 'bo@example.com', '--role', 'collaborator'])).toContain('added bo@example.com to launch as collaborator');

    // Ann and Cy set their passwords from their links; Bo sets his, then logs in on /login in another context.
    const ann = await setPasswordFromLink(browser, hub, annLink, 'ann@example.com');
    contexts.push(ann.context);
    const boFirst = await setPasswordFromLink(browser, hub, boLink, 'bo@example.com');
    contexts.push(boFirst.context);
    const bo = await logIn(browser, hub, 'bo@example.com');
    contexts.push(bo.context);
    const cy = await setPasswordFromLink(browser, hub, cyLink, 'cy@example.com');
    contexts.push(cy.context);

    // Ann opens her project from her projects list, makes a chat and a demo-agent thread.
    const annProjects = ann.page.getByRole('navigation', { name: 'Your projects' });
    await annProjects.getByRole('link', { name: 'Open project Launch (owner)' }).click();
    await expect(ann.page.getByRole('combobox', { name: 'Chat file' })).toBeVisible();
    await createChat(ann.page, 'plan.chat');
    await startAgentThread(ann.page);
    await sendMessage(ann.page, 'hello from Ann');
    await waitForTurnState(agentTurns(ann.page).first(), 'completed');

    // The address follows the open chat and thread; Bo, who has the project in his list, opens that
    // address: Ann's message is there, by Ann, with her avatar.
    await expect(ann.page).toHaveURL(/#\/p\/launch\/plan\.chat\/[^/]+$/);
    const threadAddress = ann.page.url();
    await expect(bo.page.getByRole('navigation', { name: 'Your projects' }).getByRole('link', { name: 'Open project Launch (collaborator)' })).toBeVisible();
    await bo.page.goto(threadAddress);
    await expect(bo.page.getByRole('heading', { name: 'hello from Ann' })).toBeVisible();
    const annsMessageForBo = bo.page.getByRole('article', { name: 'Message from Ann Archer' }).filter({ hasText: 'hello from Ann' });
    await expect(annsMessageForBo).toBeVisible();
    await expect(annsMessageForBo.locator('.cc-author-avatar').first()).toHaveText('AA');

    // A new message of Ann reaches Bo live, and her turn waits for a permission that Bo gives.
    await sendMessage(ann.page, 'edit: the launch checklist');
    const liveForBo = bo.page.getByRole('article', { name: 'Message from Ann Archer' }).filter({ hasText: 'edit: the launch checklist' });
    await expect(liveForBo).toBeVisible();
    const boTurn = agentTurns(bo.page).last();
    const boPermission = card(boTurn, /^Permission request/);
    await expect(boPermission).toBeVisible({ timeout: 120_000 });
    await boPermission.getByRole('group', { name: 'Approval options' }).getByRole('button').first().click();

    // Ann sees who approved, and the turn's cards: the edit of the real file and the answer.
    const annTurn = agentTurns(ann.page).last();
    await waitForTurnState(annTurn, 'completed');
    await expect(agentTurns(ann.page)).toHaveCount(2);
    await annTurn.getByRole('button', { name: /Show activity/ }).click();
    await expect(card(annTurn, /^Permission request/).getByRole('status')).toHaveText(/^Bo Brown approved “[^”]+”/);
    await expect(card(annTurn, /^Edit:/)).toContainText('- edit: the launch checklist');
    await expect(annTurn.getByLabel('Final answer')).toContainText('Edited demo-notes.md.');
    // The real file in the project's folder (the default one, under the data dir).
    expect(readFileSync(path.join(hub.dataDir, 'projects', 'launch', 'demo-notes.md'), 'utf8')).toContain('- edit: the launch checklist');
    await waitForTurnState(boTurn, 'completed');
    await boTurn.getByRole('button', { name: /Show activity/ }).click();
    await expect(card(boTurn, /^Permission request/).getByRole('status')).toHaveText(/^You approved “[^”]+”/);
    await saveScreenshot(ann.page, 'multiuser-ann');
    await saveScreenshot(bo.page, 'multiuser-bo');

    // Cy is in no project: the list says so, Ann's address says so, and the hub refuses the chat to Cy's socket.
    await expect(cy.page.getByText('You are not a member of any project yet.', { exact: false })).toBeVisible();
    await cy.page.goto(threadAddress);
    await expect(cy.page.getByRole('alert').filter({ hasText: 'You are not a member of a project “launch”.' })).toBeVisible();
    await expect(cy.page.getByText('hello from Ann')).toHaveCount(0);
    await saveScreenshot(cy.page, 'multiuser-cy');
    expect(await callOverPageSocket(cy.page, 'projects.list', {})).toMatchObject({ result: { projects: [] } });
    expect(await callOverPageSocket(cy.page, 'chat.open', { project: 'launch', path: 'plan.chat' })).toMatchObject({
      error: { code: -32001, message: expect.stringContaining('not a member of project launch') },
    });
    expect(await callOverPageSocket(cy.page, 'chat.list', { project: 'launch' })).toMatchObject({ error: { code: -32001 } });
    // A real turn of the project (its log's name in the project's state dir) cannot be subscribed to either.
    const turnIds = readdirSync(path.join(hub.dataDir, 'project-state', 'launch', 'logs')).filter((name) => name.endsWith('.jsonl')).map((name) => name.slice(0, -'.jsonl'.length));
    expect(turnIds).toHaveLength(2);
    expect(await callOverPageSocket(cy.page, 'turn.subscribe', { project: 'launch', turnId: turnIds[0], fromSeq: 0 })).toMatchObject({ error: { code: -32001 } });
    // Asking for a project that does not exist gets the same answer: ids cannot be probed.
    expect(await callOverPageSocket(cy.page, 'chat.open', { project: 'no-such-project', path: 'plan.chat' })).toMatchObject({
      error: { code: -32001, message: expect.stringContaining('not a member of project no-such-project') },
    });
  } finally {
    for (const context of contexts) await context.close();
    await hub.stop();
  }
});
