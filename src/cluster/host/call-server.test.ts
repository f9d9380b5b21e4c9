import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../hub/hub-test-helpers.js';
import type { Database } from '../../multiuser/db/index.js';
import { connectCluster, readNatsCredentials } from '../nats-connection.js';
import { useNatsServer } from '../testing/use-nats-server.js';
import { startCallServer } from './call-server.js';
import { createProjectAssignment } from './project-assignment.js';
import { createRemoteClients } from './remote-clients.js';
import { connectTestFront } from './testing/test-front.js';

describe('the call server of a project host (real nats-server)', () => {
  const running = useNatsServer(['h1']);

  it('stops without waiting for a call whose answer hangs', async () => {
    const nats = running.server;
    const key = randomBytes(32);
    const nc = await connectCluster({ url: nats.url, credentials: readNatsCredentials(nats.credentialsFile('h1')), name: 'test host' });
    const front = await connectTestFront(nats, key);
    let dispatched = 0;
    const server = startCallServer({
      nc,
      hostId: 'h1',
      signingKey: key,
      clients: createRemoteClients(() => undefined),
      // Calls without a project: no database read.
      assignment: createProjectAssignment(undefined as unknown as Database, 'h1'),
      dispatch: () => {
        dispatched += 1;
        return new Promise(() => undefined); // never answers
      },
      refused: () => undefined,
      stopWaitMs: 200,
    });
    try {
      void front.call('h1', 'elicitation.respond', { elicitationId: 'e1', action: 'cancel' }, { accountId: 'a1', clientId: 'c1' }).catch(() => undefined);
      await waitFor('the call dispatched', () => dispatched === 1);
      await expect(server.stop()).resolves.toBeUndefined(); // was: waited for the hung call for ever
    } finally {
      await front.close();
      await nc.close();
    }
  }, 20_000);

});
