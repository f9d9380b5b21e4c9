// Scenario 9, access: the hub answers only to the holder of its token, only under its own address,
// and refuses WebSocket connections from pages it did not serve.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { expect, test } from '../fixtures/test.js';

test('the page without the token is refused; the printed URL lets the user in', async ({ page, hub, saveScreenshot }) => {
  const refused = await page.goto(`${hub.origin}/`);
  expect(refused?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('missing access token');
  await saveScreenshot(page, 'access-refused');

  const wrong = await page.goto(`${hub.origin}/?token=not-the-token`);
  expect(wrong?.status()).toBe(403);
  await expect(page.locator('body')).not.toContainText(hub.token);

  const admitted = await page.goto(hub.url);
  expect(admitted?.status()).toBe(200);
  // The token moves into an HttpOnly cookie and leaves the address bar.
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  const cookies = await page.context().cookies(hub.origin);
  expect(cookies.find((cookie) => cookie.value === hub.token)).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  const reload = await page.reload();
  expect(reload?.status()).toBe(200);
});

test('a page from another origin cannot open the WebSocket, even with the cookie set', async ({ page, hub }) => {
  await page.goto(hub.url);
  // 127.0.0.1 on another port is the same *site*, so the SameSite cookie is sent: only the Origin
  // check stands between a foreign page and the agent.
  const foreign = await startForeignPage();
  try {
    await page.goto(foreign.url);
    const outcome = await page.evaluate(
      (wsUrl) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(wsUrl);
          socket.onopen = () => resolve('open');
          socket.onclose = (event) => resolve(`closed ${event.code}`);
        }),
      `ws://127.0.0.1:${hub.port}/api/ws`,
    );
    expect(outcome).toBe('closed 1006');
  } finally {
    await new Promise((resolve) => foreign.server.close(resolve));
  }
});

test('the WebSocket refuses a foreign Origin and a missing token; the HTTP server refuses a foreign Host', async ({ hub }) => {
  const wsUrl = `ws://127.0.0.1:${hub.port}/api/ws`;
  expect(await upgradeStatus(wsUrl, { Origin: 'http://evil.example', Cookie: `codex_chat_token_${hub.port}=${hub.token}` })).toBe(403);
  expect(await upgradeStatus(wsUrl, { Origin: hub.origin })).toBe(401);
  expect(await upgradeStatus(`${wsUrl}?token=${hub.token}`, { Origin: hub.origin })).toBe(101);
  // DNS rebinding: a foreign name that resolves to 127.0.0.1 still sends its own Host header.
  expect(await httpStatus(hub.port, `/?token=${hub.token}`, { Host: `evil.example:${hub.port}` })).toBe(403);
  expect(await httpStatus(hub.port, `/?token=${hub.token}`, { Host: `127.0.0.1:${hub.port}` })).toBeLessThan(400);
});

function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
    });
    socket.on('error', (error) => reject(error));
  });
}

function httpStatus(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

async function startForeignPage(): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end('<!doctype html><title>foreign</title><p>another site on this machine</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}
