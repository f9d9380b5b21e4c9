import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub } from './hub-test-helpers.js';
import { rawGet, rawRequest, rawSocket, UPGRADE_HEADERS } from './raw-client-helpers.js';

type TestHub = Awaited<ReturnType<typeof startTestHub>>;

/** The hub still serves: /healthz over HTTP and a JSON-RPC call over a new WebSocket. */
async function expectAlive(hub: TestHub): Promise<void> {
  const health = await rawGet(hub.port, '/healthz', [`Cookie: codex_chat_token_${hub.port}=${hub.token}`]);
  expect(health.status).toBe(200);
  expect(health.text).toContain('"ok":true');
  const client = await rawSocket(hub);
  const answer = await client.answerTo(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'chat.list', params: {} }));
  expect(answer.result).toEqual({ files: [] });
  client.close();
}

describe('malformed HTTP requests and upgrades', () => {
  let hub: TestHub;
  let tokenCookie: string;
  beforeAll(async () => {
    hub = await startTestHub();
    tokenCookie = `Cookie: codex_chat_token_${hub.port}=${hub.token}`;
  });
  afterAll(async () => hub?.dispose());

  const header = (name: string, value: string) => `${name}: ${value}`;

  it('answers malformed cookies (the one that killed the hub: x=50%) and keeps serving', async () => {
    for (const cookie of ['x=50%', 'x=%', 'x=%E0%A4%A', 'x=%ZZ', '=%', ';;;=;', 'a=b=c=%']) {
      expect((await rawGet(hub.port, '/healthz', [header('Cookie', cookie)])).status, cookie).toBe(401);
      const withToken = await rawGet(hub.port, '/healthz', [header('Cookie', `${cookie}; codex_chat_token_${hub.port}=${hub.token}`)]);
      expect(withToken.status, cookie).toBe(200);
      await expectAlive(hub);
    }
  });

  it('answers malformed headers: a huge one, bad Host, bad Origin, NUL bytes', async () => {
    const cases: Array<[string, string[], number[]]> = [
      ['huge header', [header('X-Big', 'a'.repeat(100_000))], [431]],
      ['huge cookie', [header('Cookie', `x=${'%'.repeat(15_000)}`), tokenCookie], [200, 431]],
      ['NUL byte in a header', [header('Cookie', 'x=a\0b'), tokenCookie], [400]],
      ['bad Origin', [header('Origin', 'http://['), tokenCookie], [403]],
      ['Origin null', [header('Origin', 'null'), tokenCookie], [403]],
      ['foreign Origin', [header('Origin', 'http://evil.example'), tokenCookie], [403]],
      ['Origin with a bad port', [header('Origin', `http://127.0.0.1:99999`), tokenCookie], [403]],
    ];
    for (const [what, headers, statuses] of cases) {
      expect(statuses, what).toContain((await rawGet(hub.port, '/healthz', headers)).status);
      await expectAlive(hub);
    }
    for (const host of ['', 'evil.example', '[::1', 'localhost:abc', `127.0.0.1:${hub.port}:1`, '%', `${'a'.repeat(5_000)}:1`]) {
      const answer = await rawRequest(hub.port, `GET /healthz HTTP/1.1\r\nHost: ${host}\r\n${tokenCookie}\r\nConnection: close\r\n\r\n`);
      expect([400, 403], `Host ${host.slice(0, 40)}`).toContain(answer.status);
      await expectAlive(hub);
    }
  });

  it('answers malformed URLs and request lines', async () => {
    const targets = ['/%', '//..', '/?token=%', '/?token=%E0%A4%A', '//[', '/%00', '/..%2f..%2fetc%2fpasswd', '/assets/%E0%A4%A', `/${'a'.repeat(12_000)}`, `/${'a/'.repeat(3_000)}`, '*', 'http://[/x'];
    for (const target of targets) {
      const answer = await rawGet(hub.port, target, [tokenCookie]);
      expect([200, 302, 400, 403, 404], target.slice(0, 40)).toContain(answer.status);
      await expectAlive(hub);
    }
    for (const request of ['GARBAGE\r\n\r\n', 'GET\r\n\r\n', '\0\0\0\0\r\n\r\n', `POST /healthz HTTP/1.1\r\nHost: 127.0.0.1:${hub.port}\r\n${tokenCookie}\r\nContent-Length: 5\r\n\r\nhello`]) {
      expect([400, 405], JSON.stringify(request.slice(0, 20))).toContain((await rawRequest(hub.port, request)).status);
      await expectAlive(hub);
    }
  });

  it('answers malformed upgrade requests', async () => {
    const withToken = `/api/ws?token=${hub.token}`;
    const upgrade = (target: string, headers: string[]) => rawGet(hub.port, target, headers);
    const bad = (name: string) => UPGRADE_HEADERS.filter((line) => !line.startsWith(name));
    const cases: Array<[string, string, string[], number]> = [
      ['upgrade on another path', `/healthz?token=${hub.token}`, UPGRADE_HEADERS, 404],
      ['upgrade on an unparsable path', '//[', UPGRADE_HEADERS, 404],
      ['upgrade without a token', '/api/ws', UPGRADE_HEADERS, 401],
      ['upgrade with a bad cookie', '/api/ws', [...UPGRADE_HEADERS, header('Cookie', 'x=50%')], 401],
      ['bad Sec-WebSocket-Key', withToken, [...bad('Sec-WebSocket-Key'), header('Sec-WebSocket-Key', 'not base64!')], 400],
      ['missing Sec-WebSocket-Key', withToken, bad('Sec-WebSocket-Key'), 400],
      ['wrong version', withToken, [...bad('Sec-WebSocket-Version'), header('Sec-WebSocket-Version', '99')], 400],
      ['foreign Origin', withToken, [...UPGRADE_HEADERS, header('Origin', 'http://evil.example')], 403],
      ['bad Origin', withToken, [...UPGRADE_HEADERS, header('Origin', 'http://[')], 403],
      ['token with a bad escape', '/api/ws?token=%', UPGRADE_HEADERS, 403],
      ['valid, with a malformed cookie beside it', withToken, [...UPGRADE_HEADERS, header('Cookie', 'x=%E0%A4%A')], 101],
    ];
    for (const [what, target, headers, status] of cases) {
      expect((await upgrade(target, headers)).status, what).toBe(status);
      await expectAlive(hub);
    }
  });

  it('survives clients that vanish mid-request or mid-upgrade', async () => {
    const partial = [`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${hub.port}\r\n`, `GET /api/ws?token=${hub.token} HTTP/1.1\r\nHost: 127.0.0.1:${hub.port}\r\n${UPGRADE_HEADERS.join('\r\n')}\r\n\r\n`];
    for (const request of partial) {
      // A settle time of 0: the socket is destroyed as soon as anything (or nothing) came back.
      await rawRequest(hub.port, request, 0); // gone as soon as the request is out
      await expectAlive(hub);
    }
  });
});
