import { describe, expect, it } from 'vitest';
import { PermissionBroker, rejectOptionOf } from './permission-broker.js';

const OPTIONS = [
  { optionId: 'yes', name: 'Yes', kind: 'allow_once' as const },
  { optionId: 'no', name: 'No', kind: 'reject_once' as const },
];

describe('PermissionBroker', () => {
  it('selects the reject option when the timeout passes', async () => {
    const broker = new PermissionBroker();
    expect(await broker.wait('r1', OPTIONS, 10)).toEqual({ state: 'timed-out', optionId: 'no', decidedBy: 'timeout' });
    expect(broker.has('r1')).toBe(false);
  });

  it('accepts only offered options, and cancels what is pending', async () => {
    const broker = new PermissionBroker();
    const decision = broker.wait('r2', OPTIONS, 60_000);
    expect(broker.respond('r2', 'maybe', 'alice')).toBe(false);
    expect(broker.respond('r2', 'yes', 'alice')).toBe(true);
    expect(await decision).toEqual({ state: 'selected', optionId: 'yes', decidedBy: 'alice' });
    const other = broker.wait('r3', OPTIONS, 60_000);
    broker.cancelAll('interrupt');
    expect(await other).toEqual({ state: 'cancelled', decidedBy: 'interrupt' });
    expect(rejectOptionOf([{ optionId: 'a', name: 'A', kind: 'reject_always' }])?.optionId).toBe('a');
  });
});
