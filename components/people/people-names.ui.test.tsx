import { describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { CODEX_COMMAND_OPTIONS, createEventLog } from '../../fixtures/build.js';
import type { Person } from '../../src/protocol/index.js';
import { createPeopleStore, PeopleProvider } from '../../stores/people/index.js';
import { CodexProvider } from '../../stores/provider.js';
import { createFakeAcpApi } from '../../stores/room/testing/fake-acp-api.js';
import { authorColour } from '../common/AuthorAvatar.js';
import { QueueList } from '../queue/QueueList.js';
import { AgentTurn } from '../turn/AgentTurn.js';
import { createTestRuntime } from '../turn/testing/render-with-runtime.js';
import { AccountAvatar } from './AccountAvatar.js';
import { useWhoName } from './useWhoName.js';

const ANN = 'a1111111-0000-4000-8000-000000000001';
const BO = 'b2222222-0000-4000-8000-000000000002';
const DIRECTORY: Person[] = [
  { accountId: ANN, name: 'Ann Archer' },
  { accountId: BO, name: 'Bo' },
];

/** A page's people store on a hub stand-in that knows Ann and Bo and records every people.get. */
function peopleOnHub() {
  const fake = createFakeAcpApi({ 'people.get': ({ accountIds }) => ({ people: DIRECTORY.filter((person) => accountIds.includes(person.accountId)) }) });
  return { fake, people: createPeopleStore({ api: fake.api }) };
}

function renderWithPeople(ui: ReactElement, events = createEventLog().events) {
  const { fake, people } = peopleOnHub();
  const runtime = createTestRuntime({ events, seed: { accountId: 'me', agents: [] } });
  render(
    <PeopleProvider people={people}>
      <CodexProvider runtime={runtime}>{ui}</CodexProvider>
    </PeopleProvider>,
  );
  return { fake, runtime };
}

describe('AccountAvatar', () => {
  it('shows initials on the account’s stable colour, labelled with the name (or the given label)', () => {
    render(
      <>
        <AccountAvatar accountId={ANN} name="Ann Archer" />
        <AccountAvatar accountId={BO} name="Bo" label="Queued by Bo" />
      </>,
    );
    const ann = screen.getByRole('img', { name: 'Ann Archer' });
    expect(ann).toHaveTextContent('AA');
    expect(ann).toHaveAttribute('data-colour', authorColour(ANN));
    expect(ann).toHaveAttribute('title', 'Ann Archer');
    expect(screen.getByRole('img', { name: 'Queued by Bo' })).toHaveTextContent('B');
  });
});

describe('names of other members', () => {
  it('approvals say who approved or rejected, by name, asking people.get once for both', async () => {
    const log = createEventLog();
    log.status('running');
    const request = { toolCallId: 'c1', title: 'ls', rawInput: { command: 'ls' } };
    log.permission('p1', request, CODEX_COMMAND_OPTIONS);
    log.permission('p1', request, CODEX_COMMAND_OPTIONS, { state: 'selected', optionId: 'allow_once', decidedBy: ANN, decidedAt: '2026-01-01T12:10:00.000Z' });
    log.permission('p2', { ...request, toolCallId: 'c2' }, CODEX_COMMAND_OPTIONS);
    log.permission('p2', { ...request, toolCallId: 'c2' }, CODEX_COMMAND_OPTIONS, { state: 'selected', optionId: 'cancel', decidedBy: BO, decidedAt: '2026-01-01T12:11:00.000Z' });
    const { fake } = renderWithPeople(<AgentTurn turnId="t1" watch={false} />, log.events);
    const [first, second] = screen.getAllByRole('region', { name: 'Permission request: ls' });
    await waitFor(() => expect(within(first).getByRole('status')).toHaveTextContent(/^Ann Archer approved “Yes, proceed” at/));
    expect(within(second).getByRole('status')).toHaveTextContent(/^Bo rejected “No, and tell Codex what to do differently” at/);
    expect(fake.callsOf('people.get')).toEqual([{ accountIds: [ANN, BO] }]);
    expect(first.querySelector(`.cc-who-line [data-colour="${authorColour(ANN)}"]`)).not.toBeNull();
  });

  it('the interrupt says who interrupted', async () => {
    const log = createEventLog(Date.now());
    log.status('running');
    log.raw({ type: 'status', state: 'stopping', by: BO });
    log.result('cancelled');
    log.status('cancelled');
    renderWithPeople(<AgentTurn turnId="t1" watch={false} />, log.events);
    expect(screen.getByText('Stopped')).toBeInTheDocument();
    await screen.findByText('Bo interrupted');
  });

  it('queued messages say who queued them and who edited one', async () => {
    function Queue() {
      const nameOf = useWhoName();
      return (
        <QueueList
          nameOf={nameOf}
          onCancel={() => {}}
          queue={[
            { turnId: 'q1', position: 1, text: 'first', userDate: '2026-01-01T12:00:00.000Z', accountId: ANN },
            { turnId: 'q2', position: 2, text: 'second', userDate: '2026-01-01T12:00:00.000Z', accountId: 'me', editedBy: BO },
          ]}
        />
      );
    }
    renderWithPeople(<Queue />);
    await screen.findByRole('img', { name: 'Queued by Ann Archer' });
    await screen.findByRole('img', { name: 'Queued by You, edited by Bo' });
  });

  it('an id the hub does not know keeps its fallback and is not asked again', async () => {
    const { fake, people } = peopleOnHub();
    people.getState().request(['unknown-id', ANN]);
    await waitFor(() => expect(people.getState().names[ANN]).toBe('Ann Archer'));
    act(() => people.getState().request(['unknown-id']));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.callsOf('people.get')).toEqual([{ accountIds: ['unknown-id', ANN] }]);
    expect(people.getState().names['unknown-id']).toBeUndefined();
  });
});
