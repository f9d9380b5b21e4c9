// A scripted stand-in for the Anthropic Messages API, as claude-agent-acp (Claude Code) uses it:
// `POST /v1/messages?beta=true` streamed as server-sent events, one request per tool round, plus
// a title side request per turn (streamed, no tools) and, in `auto` mode, a classifier request
// that is not streamed. See ../../../../shared/agents/README.md for what was recorded.
import type { ServerResponse } from 'node:http';
import { sendJson, startStandIn, type StandInServer } from './stand-in-server.js';

/** One content block of a scripted model reply. */
export type ClaudeBlock = { type: 'thinking'; text: string } | { type: 'text'; text: string } | { type: 'tool_use'; name: string; input: Record<string, unknown> };

/** What the script sees of one model request. */
export type ClaudeRequest = { userText: string; afterToolResult: boolean; toolResults: string[]; body: Record<string, unknown> };

export type ClaudeScript = (request: ClaudeRequest) => ClaudeBlock[];

export type ScriptedAnthropicServer = StandInServer & { baseUrl: string; turns: ClaudeRequest[] };

type Block = { type?: string; text?: string; content?: unknown };
type Message = { role?: string; content?: string | Block[] };

function blocksOf(message: Message | undefined): Block[] {
  if (!message) return [];
  return typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : (message.content ?? []);
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  return Array.isArray(content) ? content.map((part: Block) => part.text ?? '').join('') : '';
}

/** The request as the script sees it: the user's words (from the last message with text) and any tool results. */
function readRequest(body: Record<string, unknown>): ClaudeRequest {
  const messages = (Array.isArray(body.messages) ? body.messages : []) as Message[];
  const userMessages = messages.filter((message) => message.role === 'user');
  const last = blocksOf(userMessages.at(-1));
  const toolResults = last.filter((block) => block.type === 'tool_result').map((block) => textOf(block.content));
  const withText = [...userMessages].reverse().find((message) => blocksOf(message).some((block) => block.type === 'text' && !(block.text ?? '').startsWith('<system-reminder>')));
  const userText = blocksOf(withText).filter((block) => block.type === 'text').map((block) => block.text ?? '').join('\n');
  return { userText, afterToolResult: toolResults.length > 0, toolResults, body };
}

let counter = 0;
function event(response: ServerResponse, data: Record<string, unknown>): void {
  response.write(`event: ${String(data.type)}\ndata: ${JSON.stringify(data)}\n\n`);
}

const USAGE = { input_tokens: 4_000, cache_read_input_tokens: 8_000, cache_creation_input_tokens: 0, output_tokens: 1 };

function streamReply(response: ServerResponse, model: string, blocks: ClaudeBlock[]): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  event(response, { type: 'message_start', message: { id: `msg_${(counter += 1)}`, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: USAGE } });
  blocks.forEach((block, index) => {
    if (block.type === 'thinking') {
      event(response, { type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } });
      event(response, { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: block.text } });
      event(response, { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: `sig-${counter}` } });
    } else if (block.type === 'text') {
      event(response, { type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      event(response, { type: 'content_block_delta', index, delta: { type: 'text_delta', text: block.text } });
    } else {
      const id = `toolu_${String((counter += 1)).padStart(4, '0')}`;
      event(response, { type: 'content_block_start', index, content_block: { type: 'tool_use', id, name: block.name, input: {} } });
      event(response, { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) } });
    }
    event(response, { type: 'content_block_stop', index });
  });
  const stopReason = blocks.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
  event(response, { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: 400 } });
  event(response, { type: 'message_stop' });
  response.end();
}

/** Starts the stand-in; point claude at it with ANTHROPIC_BASE_URL = `baseUrl`. */
export async function startScriptedAnthropicServer(script: ClaudeScript): Promise<ScriptedAnthropicServer> {
  const turns: ClaudeRequest[] = [];
  const server = await startStandIn((request, response) => {
    if (request.method !== 'POST' || !request.url.startsWith('/v1/messages') || !request.body) return false;
    const body = request.body;
    const model = String(body.model ?? 'claude-scripted');
    if (body.stream !== true) {
      // The auto mode's security classifier: severity 0 lets the action run.
      sendJson(response, 200, { id: `msg_${(counter += 1)}`, type: 'message', role: 'assistant', model, content: [{ type: 'text', text: '<severity>0</severity>' }], stop_reason: 'end_turn', stop_sequence: null, usage: USAGE });
      return true;
    }
    const hasTools = Array.isArray(body.tools) && body.tools.length > 0;
    if (!hasTools) {
      streamReply(response, model, [{ type: 'text', text: JSON.stringify({ title: 'Scripted session' }) }]);
      return true;
    }
    const scripted = readRequest(body);
    turns.push(scripted);
    streamReply(response, model, script(scripted));
    return true;
  });
  return { ...server, baseUrl: server.origin, turns };
}
