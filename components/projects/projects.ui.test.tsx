import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { CODEX_COMMAND_OPTIONS, createEventLog } from '../../fixtures/build.js';
import type { ProjectInfo, ProjectRole } from '../../src/protocol/index.js';
import { CodexProvider } from '../../stores/provider.js';
import { createFakeAcpApi } from '../../stores/room/testing/fake-acp-api.js';
import { ThreadComposer } from '../room/ThreadComposer.js';
import { SessionButton } from '../session/SessionButton.js';
import { AgentTurn } from '../turn/AgentTurn.js';
import { createTestRuntime } from '../turn/testing/render-with-runtime.js';
import { ProjectHostAlert } from './ProjectHostAlert.js';
import { ProjectList } from './ProjectList.js';
import { ProjectRoleContext, roleAllows } from './project-access.js';

const PROJECTS: ProjectInfo[] = [
  { id: 'zeta', name: 'Zeta', role: 'viewer', createdAt: '2026-01-01T00:00:00.000Z' },
  { id: 'alpha', name: 'Alpha', role: 'owner', createdAt: '2026-01-01T00:00:00.000Z' },
  { id: 'mid', name: 'Mid', role: 'collaborator', createdAt: '2026-01-01T00:00:00.000Z' },
];

describe('ProjectList', () => {
  it('lists your projects by name with your role, each a link to its chats', () => {
    render(<ProjectList projects={PROJECTS} hrefOf={(id) => `#/p/${id}`} />);
    const links = within(screen.getByRole('navigation', { name: 'Your projects' })).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('aria-label'))).toEqual(['Open project Alpha (owner)', 'Open project Mid (collaborator)', 'Open project Zeta (viewer)']);
    expect(links[2]).toHaveAttribute('href', '#/p/zeta');
    expect(screen.getByText('viewer')).toHaveAttribute('title', expect.stringMatching(/You can read this project/));
  });

  it('says so when loading, when you are in no project, and when the list failed (with a retry)', async () => {
    const { rerender } = render(<ProjectList projects={null} hrefOf={(id) => id} />);
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    rerender(<ProjectList projects={[]} hrefOf={(id) => id} />);
    expect(screen.getByText(/not a member of any project yet/)).toBeInTheDocument();
    const retry = vi.fn();
    rerender(<ProjectList projects={null} error="connection lost" onRetry={retry} hrefOf={(id) => id} />);
    expect(screen.getByText('Could not load your projects: connection lost')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(retry).toHaveBeenCalledOnce();
  });
});

describe('a project host that is down (cluster)', () => {
  it('the list tags a project whose host is down, with the reason; an available host is not mentioned', () => {
    const projects: ProjectInfo[] = [
      { ...PROJECTS[1], host: { id: 'h1', available: false, reason: 'project host h1 unavailable' } },
      { ...PROJECTS[2], host: { id: 'h2', available: true } },
    ];
    render(<ProjectList projects={projects} hrefOf={(id) => `#/p/${id}`} />);
    const alpha = screen.getByRole('link', { name: 'Open project Alpha (owner)' }).closest('li') as HTMLElement;
    expect(within(alpha).getByText('Host h1 unavailable')).toHaveAttribute('title', 'project host h1 unavailable');
    const mid = screen.getByRole('link', { name: 'Open project Mid (collaborator)' }).closest('li') as HTMLElement;
    expect(within(mid).queryByText(/Host/)).toBeNull();
  });

  it('the banner names the host and says sends fail until it is back; a reason beyond that is shown too; nothing while it is there', () => {
    const { rerender } = render(<ProjectHostAlert host={{ id: 'h1', available: false, reason: 'project host h1 unavailable' }} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/^Project host h1 unavailable — sends fail until it is back$/);
    rerender(<ProjectHostAlert host={{ id: 'h1', available: false, reason: 'NATS unreachable' }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Project host h1 unavailable — sends fail until it is backNATS unreachable');
    rerender(<ProjectHostAlert host={{ id: 'h1', available: true }} />);
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<ProjectHostAlert host={undefined} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('a viewer reads and cannot act', () => {
  it('roles are ordered: owner and collaborator send and approve, a viewer only reads', () => {
    expect(roleAllows('owner', 'turn.send')).toBe(true);
    expect(roleAllows('collaborator', 'permission.respond')).toBe(true);
    expect(roleAllows('viewer', 'turn.send')).toBe(false);
    expect(roleAllows('viewer', 'chat.open')).toBe(true);
  });

  function renderAs(role: ProjectRole | null, ui: ReactElement, events = createEventLog().events) {
    const fake = createFakeAcpApi({ 'permission.respond': () => ({}) });
    const runtime = createTestRuntime({ api: fake.api, events });
    render(
      <ProjectRoleContext.Provider value={role}>
        <CodexProvider runtime={runtime}>{ui}</CodexProvider>
      </ProjectRoleContext.Provider>,
    );
    return fake;
  }

  function pendingApproval() {
    const log = createEventLog();
    log.status('running');
    log.permission('p1', { toolCallId: 'c1', title: 'ls', rawInput: { command: 'ls' } }, CODEX_COMMAND_OPTIONS);
    return log.events;
  }

  it('the composer is disabled, with the viewer note', () => {
    renderAs('viewer', <ThreadComposer threadKey="1" />);
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(screen.getByTestId('viewer-note')).toHaveTextContent('You can read this project (viewer)');
  });

  it('approval buttons are disabled, with the note; a collaborator can answer', async () => {
    renderAs('viewer', <AgentTurn turnId="t1" watch={false} />, pendingApproval());
    const card = screen.getByRole('region', { name: 'Permission request: ls' });
    for (const button of within(within(card).getByRole('group', { name: 'Approval options' })).getAllByRole('button')) expect(button).toBeDisabled();
    expect(within(card).getByTestId('viewer-note')).toHaveTextContent('You can read this project (viewer)');
  });

  it('a collaborator answers approvals and gets no note', async () => {
    const fake = renderAs('collaborator', <AgentTurn turnId="t1" watch={false} />, pendingApproval());
    const card = screen.getByRole('region', { name: 'Permission request: ls' });
    expect(within(card).queryByTestId('viewer-note')).not.toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: 'Yes, proceed' }));
    expect(fake.callsOf('permission.respond')).toEqual([{ turnId: 't1', requestId: 'p1', optionId: 'allow_once' }]);
  });

  it('the session settings button, disabled for a viewer, does not open the settings', async () => {
    const onClick = vi.fn();
    render(<SessionButton config={{ agent: 'demo' }} onClick={onClick} disabled />);
    const button = screen.getByRole('button', { name: /^Session settings/ });
    expect(button).toBeDisabled();
    await userEvent.click(button).catch(() => {}); // user-event refuses clicks on a disabled button
    expect(onClick).not.toHaveBeenCalled();
  });
});
