import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request to a stand-in: method, URL and the parsed JSON body (null when it is not JSON). */
export type StandInRequest = { method: string; url: string; body: Record<string, unknown> | null };

/** A running local stand-in for a model API, on 127.0.0.1 and an ephemeral port. */
export type StandInServer = { origin: string; requests: StandInRequest[]; close(): Promise<void> };

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null; // not JSON: the handler sees body null
  }
}

/** Writes a JSON answer. */
export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}

/** Starts a stand-in; `handle` answers each request (return false for a 404). Every request is kept in `requests`. */
export async function startStandIn(handle: (request: StandInRequest, response: ServerResponse) => boolean | Promise<boolean>): Promise<StandInServer> {
  const requests: StandInRequest[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const seen: StandInRequest = { method: request.method ?? 'GET', url: request.url ?? '/', body: parseJson(await readBody(request)) };
      requests.push(seen);
      if (!(await handle(seen, response))) sendJson(response, 404, { error: { message: `stand-in: no route ${seen.method} ${seen.url}` } });
    })().catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
