import type { TurnAlert } from './turn-alerts.js';

const URGENCY: Record<TurnAlert['kind'], number> = { waiting: 3, failed: 2, done: 1 };

/**
 * The tab title while alerts wait unseen: "(2) waiting · codex-chat". The word names the most
 * urgent alert (waiting > failed > done); the count is every alert since the page was hidden.
 */
export function alertedTitle(baseTitle: string, alerts: readonly TurnAlert[]): string {
  if (alerts.length === 0) return baseTitle;
  const top = alerts.reduce((best, alert) => (URGENCY[alert.kind] > URGENCY[best.kind] ? alert : best));
  return `(${alerts.length}) ${top.kind} · ${baseTitle}`;
}
