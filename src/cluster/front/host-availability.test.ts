import { describe, expect, it } from 'vitest';
import type { HostAlive } from '../messages.js';
import { createHostAvailability } from './host-availability.js';

const alive = (hostId: string, startedAt = '2026-12-01T10:00:00.000Z'): HostAlive => ({ hostId, startedAt, at: new Date().toISOString(), projects: [], runningTurns: 0 });

describe('createHostAvailability', () => {
  it("tells the first heartbeat of each host once (such a host may have missed the front's hello)", () => {
    const first: string[] = [];
    const transitions: string[] = [];
    const availability = createHostAvailability({ onTransition: (hostId, status) => transitions.push(`${hostId} ${status.available}`), onFirstHeard: (hostId) => first.push(hostId) });
    try {
      availability.heard(alive('h1'));
      availability.heard(alive('h1'));
      availability.heard(alive('h2'));
      availability.heard(alive('h1'));
      expect(first).toEqual(['h1', 'h2']);
      expect(transitions).toEqual([]); // first heard is no transition: no page had it as away
    } finally {
      availability.stop();
    }
  });
});
