import { describe, expect, it } from 'vitest';
import { waitFor } from '../../hub/hub-test-helpers.js';
import { HostAlive, MAX_ALIVE_PROJECTS, parseClusterMessage } from '../messages.js';
import { connectCluster, readNatsCredentials } from '../nats-connection.js';
import { CLUSTER_SUBJECTS } from '../subjects.js';
import { useNatsServer } from '../testing/use-nats-server.js';
import { startHeartbeat } from './heartbeat.js';

describe('the heartbeat of a project host (real nats-server)', () => {
  const running = useNatsServer(['h1']);

  it('sends a heartbeat the front accepts also with more open projects than a heartbeat lists', async () => {
    const nats = running.server;
    const nc = await connectCluster({ url: nats.url, credentials: readNatsCredentials(nats.credentialsFile('h1')), name: 'test host' });
    const front = await connectCluster({ url: nats.url, credentials: readNatsCredentials(nats.credentialsFile('front')), name: 'test front' });
    const heard: Array<HostAlive | undefined> = [];
    front.subscribe(CLUSTER_SUBJECTS.hostAlive('h1'), { callback: (_error, message) => void heard.push(parseClusterMessage(HostAlive, message.data, 'host heartbeat')) });
    await front.flush();
    const projects = Array.from({ length: MAX_ALIVE_PROJECTS + 1 }, (_, index) => `p${index}`);
    const heartbeat = startHeartbeat({ nc, hostId: 'h1', startedAt: new Date().toISOString(), state: () => ({ projects, runningTurns: 0 }), touchRow: async () => undefined });
    try {
      await waitFor('a heartbeat', () => heard.length > 0);
      expect(heard[0]?.projects).toHaveLength(MAX_ALIVE_PROJECTS);
    } finally {
      heartbeat.stop();
      await front.close();
      await nc.close();
    }
  });
});
