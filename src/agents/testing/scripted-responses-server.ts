import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One output item of a scripted model reply (Responses API `output` item). */
export type ScriptedItem =
  | { type: 'message'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'exec'; cmd: string; timeoutMs?: number; /** Ask to run outside the sandbox (codex then requests permission). */ escalate?: boolean }
  | { type: 'apply_patch'; patch: string };

/** What the model sees of one request: the last user text and whether it follows a tool result. */
/** `authorization`: the request's Authorization header (which API key the agent was started with). */
export type ScriptedRequest = { userText: string; afterToolOutput: boolean; body: Record<string, unknown>; authorization?: string };

/** Picks the reply items of one model call. */
export type Script = (request: ScriptedRequest) => ScriptedItem[];

/** A running scripted stand-in for the OpenAI Responses API (`POST /v1/responses`, SSE). */
export type ScriptedResponsesServer = { baseUrl: string; requests: ScriptedRequest[]; close(): Promise<void> };

function lastUserText(input: unknown[]): string {
  for (let index = input.length - 1; index >= 0; index -= 1) {
    const item = input[index] as { type?: string; role?: string; content?: Array<{ text?: string }> };
    if (item.role === 'user' && Array.isArray(item.content)) return item.content.map((part) => part.text ?? '').join('');
  }
  return '';
}

let counter = 0;
function toResponseItem(item: ScriptedItem): Record<string, unknown> {
  counter += 1;
  switch (item.type) {
    case 'message':
      return { type: 'message', role: 'assistant', id: `msg_${counter}`, status: 'completed', content: [{ type: 'output_text', text: item.text, annotations: [] }] };
    case 'reasoning':
      return { type: 'reasoning', id: `rs_${counter}`, summary: [{ type: 'summary_text', text: item.text }] };
    case 'exec': {
      const args = {
        cmd: item.cmd,
        ...(item.timeoutMs ? { timeout_ms: item.timeoutMs } : {}),
        ...(item.escalate ? { sandbox_permissions: 'require_escalated', justification: 'The test asks for it.' } : {}),
      };
      return { type: 'function_call', id: `fc_${counter}`, call_id: `call_${counter}`, name: 'exec_command', arguments: JSON.stringify(args) };
    }
    case 'apply_patch':
      return { type: 'custom_tool_call', id: `ctc_${counter}`, call_id: `call_${counter}`, name: 'apply_patch', input: item.patch, status: 'completed' };
  }
}

function sse(response: ServerResponse, data: Record<string, unknown>): void {
  response.write(`event: ${String(data.type)}\ndata: ${JSON.stringify(data)}\n\n`);
}

function replyWithItems(response: ServerResponse, items: ScriptedItem[]): void {
  const id = `resp_${(counter += 1)}`;
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  sse(response, { type: 'response.created', response: { id } });
  items.forEach((item, index) => sse(response, { type: 'response.output_item.done', output_index: index, item: toResponseItem(item) }));
  const usage = { input_tokens: 11_000, input_tokens_details: { cached_tokens: 1_000 }, output_tokens: 800, output_tokens_details: { reasoning_tokens: 240 }, total_tokens: 11_800 };
  sse(response, { type: 'response.completed', response: { id, usage } });
  response.end();
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the server on 127.0.0.1, an ephemeral port. `script` answers each `POST /v1/responses`. */
export async function startScriptedResponsesServer(script: Script): Promise<ScriptedResponsesServer> {
  const requests: ScriptedRequest[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request);
      if (request.method === 'POST' && request.url?.startsWith('/v1/responses')) {
        const body = JSON.parse(raw) as Record<string, unknown>;
        const input = Array.isArray(body.input) ? (body.input as unknown[]) : [];
        const last = input[input.length - 1] as { type?: string } | undefined;
        const scripted: ScriptedRequest = { userText: lastUserText(input), afterToolOutput: /_output$/.test(last?.type ?? ''), body, authorization: request.headers.authorization };
        requests.push(scripted);
        return replyWithItems(response, script(scripted));
      }
      if (request.method === 'GET' && request.url?.startsWith('/v1/models')) {
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end(JSON.stringify({ models: [], data: [] }));
      }
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `scripted server: no route ${request.method} ${request.url}` } }));
    })().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A throwaway CODEX_HOME `config.toml` pointing codex at the scripted server. */
export function scriptedCodexConfig(baseUrl: string): string {
  return [
    'model = "gpt-5.5"',
    'model_provider = "scripted"',
    '',
    '[model_providers.scripted]',
    'name = "scripted"',
    `base_url = "${baseUrl}"`,
    'wire_api = "responses"',
    'env_key = "OPENAI_API_KEY"',
    '',
  ].join('\n');
}
