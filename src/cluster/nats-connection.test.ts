import { describe, expect, it } from 'vitest';
import { connectCluster } from './nats-connection.js';

describe('connectCluster', () => {
  it('fails at once, naming the nats-server it could not reach, when nothing listens there', async () => {
    // Port 1 on loopback: nothing listens, the connect is refused at once.
    await expect(connectCluster({ url: 'nats://127.0.0.1:1', credentials: { user: 'front', password: 'not-a-secret' }, name: 'test' })).rejects.toThrow(/^cannot connect to nats-server at nats:\/\/127\.0\.0\.1:1: /);
  });
});
