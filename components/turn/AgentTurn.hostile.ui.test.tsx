import { afterEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CODEX_COMMAND_OPTIONS, createEventLog } from '../../fixtures/build.js';
import { AgentTurn } from './AgentTurn.js';
import { createTestRuntime, renderWithRuntime } from './testing/render-with-runtime.js';

/** Payloads that would run script if any agent text reached the DOM as HTML. */
const HOSTILE = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '[click me](javascript:window.__pwned="link")',
  '<a href="javascript:window.__pwned=1">raw link</a>',
  '![pic](javascript:window.__pwned="image")',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<svg onload="window.__pwned=\'svg\'"></svg>',
  '<iframe src="javascript:window.__pwned=2"></iframe>',
  '"><script>window.__pwned=3</script>',
];
const ALL = HOSTILE.join('\n\n');

function hostileTurn() {
  const log = createEventLog();
  log.status('running');
  log.agentMessage(ALL, 'm1');
  log.reasoning(ALL, 'r1');
  log.toolCall('c1', { kind: 'execute', title: HOSTILE[1], rawInput: { command: HOSTILE[0], cwd: HOSTILE[6] } });
  log.terminalOutput('c1', `\u001b[31m${ALL}\u001b[0m\n`.repeat(3));
  log.toolCall('d1', {
    kind: 'edit',
    title: HOSTILE[1],
    content: [
      { type: 'diff', path: `${HOSTILE[1]}.txt`, oldText: `${HOSTILE[0]}\n`, newText: `${ALL}\n` },
      { type: 'diff', path: '<script>x</script>\n"new".md', oldText: null, newText: `${HOSTILE[6]}\n` },
    ],
  });
  log.toolCall('x1', { kind: 'other', title: HOSTILE[7], rawInput: { html: HOSTILE[1] }, content: [{ type: 'content', content: { type: 'text', text: ALL } }] });
  log.permission('p1', { toolCallId: 'c2', title: HOSTILE[1], rawInput: { command: HOSTILE[0] } }, [
    { ...CODEX_COMMAND_OPTIONS[0], name: HOSTILE[1] },
    CODEX_COMMAND_OPTIONS[2],
  ]);
  log.notice('error', HOSTILE[0]);
  log.plan([{ content: HOSTILE[1], status: 'in_progress' }]);
  log.agentMessage(ALL, 'm2');
  return log.events;
}

function assertInert(root: HTMLElement) {
  expect(root.querySelectorAll('script, iframe, object, embed, svg[onload]')).toHaveLength(0);
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name.startsWith('on'), `${element.tagName} has ${attribute.name}`).toBe(false);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attribute.name)) {
        expect(attribute.value.trim().toLowerCase()).not.toMatch(/^(javascript|data|vbscript):/);
      }
    }
  }
  expect((window as unknown as { __pwned?: unknown }).__pwned).toBeUndefined();
}

describe('hostile payloads in every card', () => {
  afterEach(() => delete (window as unknown as { __pwned?: unknown }).__pwned);

  it('renders messages, reasoning, terminal output, file names, diffs and tools as inert text', async () => {
    const { container } = renderWithRuntime(<AgentTurn turnId="t1" watch={false} />, createTestRuntime({ events: hostileTurn() }));
    for (const toggle of screen.getAllByRole('button', { name: /^Expand / })) await userEvent.click(toggle);
    for (const show of screen.queryAllByRole('button', { name: /^Show diff/ })) await userEvent.click(show);
    assertInert(container);
    await userEvent.click(screen.getByRole('button', { name: 'Show full output' }));
    assertInert(container);
    // the payloads are still visible as text: nothing is silently dropped
    expect(screen.getAllByText(/<script>window.__pwned = "script"<\/script>/).length).toBeGreaterThan(0);
    expect(container.textContent).toContain('<img src=x onerror=');
    expect(container.querySelectorAll('.d2h-file-wrapper').length).toBeGreaterThanOrEqual(2);
    expect(container.textContent).toContain('click me');
  });

  it('keeps the diff inert in the side-by-side layout too', async () => {
    const { container } = renderWithRuntime(<AgentTurn turnId="t1" watch={false} />, createTestRuntime({ events: hostileTurn() }));
    await userEvent.click(screen.getAllByText('Side by side')[0]);
    expect(container.querySelectorAll('.d2h-file-side-diff').length).toBeGreaterThan(0);
    assertInert(container);
  });
});
