// A scripted stand-in for the Gemini API, as gemini-cli uses it with GOOGLE_GEMINI_BASE_URL:
// `models/MODEL:streamGenerateContent?alt=sse` (server-sent events) per round, and with model
// `auto` a routing request (`generateContent`, not streamed) asking for a `complexity_score`.
import type { ServerResponse } from 'node:http';
import { sendJson, startStandIn, type StandInServer } from './stand-in-server.js';

/** One part of a scripted model reply. */
export type GeminiPart = { type: 'thought'; text: string } | { type: 'text'; text: string } | { type: 'call'; name: string; args: Record<string, unknown> };

/** What the script sees of one model request. */
export type GeminiRequest = { userText: string; afterToolResult: boolean; toolResults: unknown[]; body: Record<string, unknown> };

export type GeminiScript = (request: GeminiRequest) => GeminiPart[];

export type ScriptedGeminiServer = StandInServer & { baseUrl: string; turns: GeminiRequest[] };

type Part = { text?: string; thought?: boolean; functionCall?: unknown; functionResponse?: { response?: unknown } };
type Content = { role?: string; parts?: Part[] };

function readRequest(body: Record<string, unknown>): GeminiRequest {
  const contents = (Array.isArray(body.contents) ? body.contents : []) as Content[];
  const lastParts = contents.at(-1)?.parts ?? [];
  const toolResults = lastParts.filter((part) => part.functionResponse).map((part) => part.functionResponse?.response);
  const withText = [...contents].reverse().find((content) => content.role === 'user' && (content.parts ?? []).some((part) => typeof part.text === 'string'));
  const userText = (withText?.parts ?? []).map((part) => part.text ?? '').join('\n');
  return { userText, afterToolResult: toolResults.length > 0, toolResults, body };
}

function toPart(part: GeminiPart): Record<string, unknown> {
  if (part.type === 'thought') return { text: part.text, thought: true };
  if (part.type === 'text') return { text: part.text };
  return { functionCall: { name: part.name, args: part.args } };
}

const USAGE = { promptTokenCount: 12_000, candidatesTokenCount: 400, totalTokenCount: 12_400 };

function streamReply(response: ServerResponse, model: string, parts: GeminiPart[]): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    const chunk = {
      candidates: [{ content: { role: 'model', parts: [toPart(part)] }, index: 0, ...(last ? { finishReason: 'STOP' } : {}) }],
      ...(last ? { usageMetadata: USAGE } : {}),
      modelVersion: model,
    };
    response.write(`data: ${JSON.stringify(chunk)}\n\n`);
  });
  response.end();
}

/** Starts the stand-in; point gemini at it with GOOGLE_GEMINI_BASE_URL = `baseUrl`. */
export async function startScriptedGeminiServer(script: GeminiScript): Promise<ScriptedGeminiServer> {
  const turns: GeminiRequest[] = [];
  const server = await startStandIn((request, response) => {
    const match = /\/models\/([^/:]+):(streamGenerateContent|generateContent)/.exec(request.url);
    if (request.method !== 'POST' || !match || !request.body) return false;
    const [, model, how] = match;
    if (how === 'generateContent') {
      // The router: a simple task, for the flash model.
      const text = JSON.stringify({ complexity_reasoning: 'A scripted, simple task.', complexity_score: 10, reasoning: 'scripted', model_choice: 'flash' });
      sendJson(response, 200, { candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 100, candidatesTokenCount: 10, totalTokenCount: 110 } });
      return true;
    }
    const scripted = readRequest(request.body);
    turns.push(scripted);
    streamReply(response, model, script(scripted));
    return true;
  });
  return { ...server, baseUrl: server.origin, turns };
}
