import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub } from './hub-test-helpers.js';

type Answer = { status: number; body: string; headers: http.IncomingHttpHeaders };

function get(port: number, urlPath: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: urlPath, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    request.on('error', reject);
  });
}

/** Sends a raw WebSocket upgrade and returns the hub's answer (101 when accepted). */
function upgrade(port: number, urlPath: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1',
      port,
      path: urlPath,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers },
    });
    request.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve({ status: response.statusCode ?? 0, body: '', headers: response.headers });
    });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('hub access control', () => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => hub.dispose());

  it('refuses an HTTP request without a token, saying why', async () => {
    const answer = await get(hub.port, '/customize');
    expect(answer.status).toBe(401);
    expect(answer.body).toMatch(/missing access token/);
  });

  it('refuses a wrong token', async () => {
    const answer = await get(hub.port, '/customize?token=nope');
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/wrong access token/);
  });

  it('turns the token of the first URL into an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const first = await get(hub.port, `/?token=${hub.token}`);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const next = await get(hub.port, '/customize', { Cookie: cookie.split(';')[0] });
    expect(next.status).toBe(200);
    expect(JSON.parse(next.body)).toMatchObject({ codex_enabled: true, agents: [] });
  });

  it('serves a placeholder page when the app is not built', async () => {
    const page = await get(hub.port, `/anything?token=${hub.token}`, {});
    expect(page.status).toBe(302);
    const cookie = (page.headers['set-cookie']?.[0] ?? '').split(';')[0];
    const body = await get(hub.port, '/anything', { Cookie: cookie });
    expect(body.status).toBe(200);
    expect(body.body).toMatch(/web app is not built yet/);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const answer = await get(hub.port, `/healthz?token=${hub.token}`, { Host: `evil.example:${hub.port}` });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/Host header .*evil\.example.* is not this hub's address/);
    const websocket = await upgrade(hub.port, `/api/ws?token=${hub.token}`, { Host: `rebind.example:${hub.port}` });
    expect(websocket.status).toBe(403);
    expect(websocket.body).toMatch(/DNS-rebinding/);
  });

  it('refuses WebSocket upgrades without a token, with a wrong one, or from a foreign Origin', async () => {
    const none = await upgrade(hub.port, '/api/ws');
    expect(none.status).toBe(401);
    expect(none.body).toMatch(/missing access token/);
    const wrong = await upgrade(hub.port, '/api/ws?token=wrong');
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatch(/wrong access token/);
    const foreign = await upgrade(hub.port, `/api/ws?token=${hub.token}`, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatch(/foreign Origin "http:\/\/evil.example" refused/);
    const otherPort = await upgrade(hub.port, `/api/ws?token=${hub.token}`, { Origin: `http://127.0.0.1:${hub.port + 1}` });
    expect(otherPort.status).toBe(403);
  });

  it("accepts the hub's own Origin and a Node client without one", async () => {
    expect((await upgrade(hub.port, `/api/ws?token=${hub.token}`, { Origin: `http://localhost:${hub.port}` })).status).toBe(101);
    expect((await upgrade(hub.port, `/api/ws?token=${hub.token}`)).status).toBe(101);
  });
});
