import type { IncomingMessage } from 'node:http';
import { loginUrlFor, safeNext } from './safe-next.js';
import { isSameOriginRequest, isSameOriginUpgrade } from './same-origin.js';

// Only headers are read; a plain object stands in for the request.
const requestWith = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('same-origin checks', () => {
  it('accepts a POST whose Origin or Referer is the Host, refuses others', () => {
    const host = { host: 'chat.example.org' };
    expect(isSameOriginRequest(requestWith({ ...host, origin: 'https://chat.example.org' }))).toBe(true);
    expect(isSameOriginRequest(requestWith({ ...host, origin: 'http://chat.example.org:80' }))).toBe(true);
    expect(isSameOriginRequest(requestWith({ ...host, referer: 'https://chat.example.org/login?next=/x' }))).toBe(true);
    expect(isSameOriginRequest(requestWith({ ...host, origin: 'https://evil.example' }))).toBe(false);
    expect(isSameOriginRequest(requestWith({ ...host, origin: 'https://chat.example.org.evil.example' }))).toBe(false);
    expect(isSameOriginRequest(requestWith({ ...host, origin: 'https://chat.example.org:8443' }))).toBe(false);
    // A foreign Origin wins over a matching Referer.
    expect(isSameOriginRequest(requestWith({ ...host, origin: 'https://evil.example', referer: 'https://chat.example.org/' }))).toBe(false);
    expect(isSameOriginRequest(requestWith({ ...host }))).toBe(false);
    expect(isSameOriginRequest(requestWith({ ...host, origin: 'null' }))).toBe(false);
    expect(isSameOriginRequest(requestWith({ ...host, origin: 'null', 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(isSameOriginRequest(requestWith({ ...host, origin: 'null', 'sec-fetch-site': 'cross-site' }))).toBe(false);
    expect(isSameOriginRequest(requestWith({ origin: 'http://chat.example.org' }))).toBe(false);
    expect(isSameOriginRequest(requestWith({ host: '[bad', origin: 'http://[bad' }))).toBe(false);
    expect(isSameOriginRequest(requestWith({ ...host, origin: 'javascript:alert(1)' }))).toBe(false);
  });

  it('admits a WebSocket upgrade only with this Host as its Origin', () => {
    expect(isSameOriginUpgrade(requestWith({ host: '127.0.0.1:8765', origin: 'http://127.0.0.1:8765' }))).toBe(true);
    expect(isSameOriginUpgrade(requestWith({ host: '127.0.0.1:8765' }))).toBe(false);
    expect(isSameOriginUpgrade(requestWith({ host: '127.0.0.1:8765', origin: 'http://localhost:8765' }))).toBe(false);
    expect(isSameOriginUpgrade(requestWith({ host: '127.0.0.1:8765', origin: 'null', 'sec-fetch-site': 'same-origin' }))).toBe(false);
  });
});

describe('where to go after login', () => {
  it('keeps a path of this site and refuses the rest', () => {
    expect(safeNext('/chat/p1?thread=3#end')).toBe('/chat/p1?thread=3#end');
    for (const bad of ['https://evil.example/', '//evil.example/', '/\\evil.example', '\\\\evil', 'javascript:alert(1)', '/x\nSet-Cookie: a=b', '', 42, undefined, '/login', '/login/link?token=x', '/logout']) {
      expect(safeNext(bad)).toBe('/');
    }
    expect(loginUrlFor('/chat/p1?x=1')).toBe('/login?next=%2Fchat%2Fp1%3Fx%3D1');
    expect(loginUrlFor('/')).toBe('/login');
  });
});
