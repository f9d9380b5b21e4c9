import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AUDIT_ANN, AUDIT_PEOPLE, AUDIT_PROJECT, auditFixtureRows } from '../../fixtures/audit/audit-fixture-rows.js';
import type { AuditQuery, AuditRow } from '../../src/protocol/index.js';
import { createPeopleStore, PeopleProvider } from '../../stores/people/index.js';
import { CodexProvider } from '../../stores/provider.js';
import { createFakeAcpApi, type FakeHandlers } from '../../stores/room/testing/fake-acp-api.js';
import { createTestRuntime } from '../turn/testing/render-with-runtime.js';
import { AuditView, type AuditViewProps } from './AuditView.js';

/** audit.list answered in the page from the fixture rows (filters, `before` and `limit` as the hub applies them). */
function listOf(rows: AuditRow[]): NonNullable<FakeHandlers['audit.list']> {
  return (query: AuditQuery) => {
    const matching = rows.filter(
      (row) =>
        (!query.kinds || query.kinds.includes(row.kind)) &&
        (!query.accountId || row.accountId === query.accountId) &&
        (!query.before || Number(row.id) < Number(query.before)) &&
        (!query.from || row.at >= query.from) &&
        (!query.to || row.at < query.to),
    );
    const page = matching.slice(0, query.limit ?? 100);
    return page.length < matching.length ? { rows: page, next: page[page.length - 1].id } : { rows: page };
  };
}

function renderView(props: AuditViewProps = { project: AUDIT_PROJECT }, list: FakeHandlers['audit.list'] = listOf(auditFixtureRows())) {
  const fake = createFakeAcpApi({ 'audit.list': list, 'people.get': ({ accountIds }) => ({ people: AUDIT_PEOPLE.filter((person) => accountIds.includes(person.accountId)) }) });
  const runtime = createTestRuntime({ api: fake.api, seed: { accountId: AUDIT_ANN, agents: [] } });
  render(
    <PeopleProvider people={createPeopleStore({ api: fake.api })}>
      <CodexProvider runtime={runtime}>
        <AuditView {...props} />
      </CodexProvider>
    </PeopleProvider>,
  );
  return { fake };
}

const bodyRows = () => screen.getAllByRole('row').slice(1);

/** Picks an option of an antd Select (its visible list item, not the hidden accessible copy). */
async function pick(select: string, option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: select }));
  const items = await screen.findAllByTitle(option);
  fireEvent.click(items.find((item) => item.classList.contains('ant-select-item-option'))!);
}

describe('AuditView', () => {
  it("shows the project's rows newest first: time, who (names, You), kind, target, outcome", async () => {
    const { fake } = renderView();
    await waitFor(() => expect(bodyRows().length).toBe(auditFixtureRows().length));
    const first = within(bodyRows()[0]);
    expect(first.getByText('Refused')).toBeInTheDocument();
    expect(await first.findByText('Bo Brand')).toBeInTheDocument();
    expect(first.getByText('viewers cannot turn.send in project website')).toBeInTheDocument();
    const approval = bodyRows().find((row) => within(row).queryByText('Approval') && within(row).queryByText('allow_once'))!;
    expect(within(approval).getByText('Bo Brand')).toBeInTheDocument();
    const command = bodyRows().find((row) => within(row).queryByText('Command'))!;
    expect(within(command).getByText('You')).toBeInTheDocument();
    expect(fake.callsOf('audit.list')[0]).toEqual({ project: AUDIT_PROJECT, limit: 100 });
  });

  it("asks for one thread's rows, and links the CSV export of the same query", async () => {
    const { fake } = renderView({ project: AUDIT_PROJECT, path: 'site/plan.chat', threadKey: 'k1' });
    await waitFor(() => expect(fake.callsOf('audit.list')).toEqual([{ project: AUDIT_PROJECT, path: 'site/plan.chat', threadKey: 'k1', limit: 100 }]));
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', `/api/audit.csv?project=${AUDIT_PROJECT}&path=site%2Fplan.chat&threadKey=k1`);
  });

  it('filters by kind and by account (a new first page each time, and the export follows)', async () => {
    const { fake } = renderView();
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(1));
    await pick('Kinds', 'Command');
    await waitFor(() => expect(fake.callsOf('audit.list').at(-1)).toEqual({ project: AUDIT_PROJECT, kinds: ['command'], limit: 100 }));
    await waitFor(() => expect(bodyRows().every((row) => within(row).queryByText('Command'))).toBe(true));
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', `/api/audit.csv?project=${AUDIT_PROJECT}&kinds=command`);
    await pick('Account', 'You');
    await waitFor(() => expect(fake.callsOf('audit.list').at(-1)).toEqual({ project: AUDIT_PROJECT, kinds: ['command'], accountId: AUDIT_ANN, limit: 100 }));
  });

  it('loads older rows with Load more, appended after the first page', async () => {
    const user = userEvent.setup();
    const { fake } = renderView({ project: AUDIT_PROJECT, pageSize: 3 });
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(6));
    expect(fake.callsOf('audit.list')[1]).toEqual({ project: AUDIT_PROJECT, limit: 3, before: auditFixtureRows()[2].id });
    expect(bodyRows().map((row) => row.getAttribute('data-row-key'))).toEqual(auditFixtureRows().slice(0, 6).map((row) => row.id));
  });

  it('says so when nothing was recorded', async () => {
    renderView({ project: AUDIT_PROJECT }, () => ({ rows: [] }));
    expect(await screen.findByText('Nothing recorded here yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('shows the refusal of the hub', async () => {
    renderView({ project: 'other' }, () => Promise.reject(new Error('not a member of project other')));
    expect(await screen.findByText('The audit could not be read')).toBeInTheDocument();
    expect(screen.getByText('not a member of project other')).toBeInTheDocument();
  });
});

