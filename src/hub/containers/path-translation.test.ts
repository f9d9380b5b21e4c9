import { describe, expect, it } from 'vitest';
import { toContainerPaths, toHostPaths, translateAgentStreams } from './path-translation.js';

const ROOT = '/srv/projects/alpha';

describe('the project path between host and container', () => {
  it('sends host paths of the project as /project paths (session cwd, prompt links)', () => {
    expect(toContainerPaths({ cwd: ROOT, uri: `file://${ROOT}/src/a.ts`, other: '/srv/projects/alphabet/x', text: `see ${ROOT}/a` }, ROOT)).toEqual({
      cwd: '/project',
      uri: 'file:///project/src/a.ts',
      other: '/srv/projects/alphabet/x',
      text: `see ${ROOT}/a`,
    });
  });

  it('maps what the agent reports back to host paths, and drops /project/ inside commands and titles', () => {
    const update = { locations: [{ path: '/project/src/a.ts' }], rawInput: { cwd: '/project/sub', command: ['bash', '-lc', 'cat /project/a.txt && ls /project'] }, title: 'Read /project/src/a.ts', content: 'a /project/ in file text stays' };
    expect(toHostPaths(update, ROOT)).toEqual({
      locations: [{ path: `${ROOT}/src/a.ts` }],
      rawInput: { cwd: `${ROOT}/sub`, command: ['bash', '-lc', 'cat a.txt && ls .'] },
      title: 'Read src/a.ts',
      content: 'a /project/ in file text stays',
    });
  });

  it('translates newline-delimited JSON-RPC split across chunks, both ways, and passes other lines through', async () => {
    const sent: string[] = [];
    const agentStdin = new WritableStream<Uint8Array>({ write: (chunk) => void sent.push(new TextDecoder().decode(chunk)) });
    const encoder = new TextEncoder();
    const agentStdout = new ReadableStream<Uint8Array>({
      start(controller) {
        const line = JSON.stringify({ jsonrpc: '2.0', method: 'session/update', params: { path: '/project/a.ts' } });
        controller.enqueue(encoder.encode(line.slice(0, 20)));
        controller.enqueue(encoder.encode(`${line.slice(20)}\nnot json\n`));
        controller.close();
      },
    });
    const streams = translateAgentStreams(agentStdin, agentStdout, ROOT, (message) => ({ ...message, rewritten: true }));
    const writer = streams.stdin.getWriter();
    await writer.write(encoder.encode(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'session/new', params: { cwd: ROOT } })}\n`));
    await writer.close();
    let received = '';
    const reader = streams.stdout.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) received += new TextDecoder().decode(read.value);
    expect(received).toBe(`${JSON.stringify({ jsonrpc: '2.0', method: 'session/update', params: { path: `${ROOT}/a.ts` } })}\nnot json\n`);
    expect(JSON.parse(sent.join(''))).toEqual({ jsonrpc: '2.0', id: 1, method: 'session/new', params: { cwd: '/project' }, rewritten: true });
  });
});
