import type { PermissionOption } from '../../src/protocol/index.js';

/**
 * The inbox answers with the digit keys: 1 is the first option the agent offers, 2 the second, ...
 * (as terminal agents number their approval choices). Only 1–9; further options are reached by Tab.
 */
export function optionForKey(options: readonly PermissionOption[], key: string): PermissionOption | undefined {
  if (!/^[1-9]$/.test(key)) return undefined;
  return options[Number(key) - 1];
}

/** The key that answers with the option at `index`, or null past nine. */
export function keyOfOption(index: number): string | null {
  return index < 9 ? String(index + 1) : null;
}
