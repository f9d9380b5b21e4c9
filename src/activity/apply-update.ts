import { applyMessageChunk } from './cards/message.js';
import { addNotice } from './cards/notice.js';
import { applyPlan } from './cards/plan.js';
import { applyReasoningChunk } from './cards/reasoning.js';
import { upsertToolCall } from './cards/tool-call.js';
import { addUnknownItem } from './cards/unknown.js';
import { translateAcpUpdate } from './translate-acp-update.js';
import type { TurnView } from './types.js';

/** Applies the ACP update of an `update` turn event to a view draft. */
export function applyUpdate(view: TurnView, update: unknown, seq: number, t: number): void {
  const translated = translateAcpUpdate(update);
  switch (translated.change) {
    case 'message-chunk':
      return applyMessageChunk(view, translated, seq, t);
    case 'reasoning-chunk':
      return applyReasoningChunk(view, translated, seq, t);
    case 'tool-call':
      upsertToolCall(view, translated.patch, t);
      return;
    case 'plan':
      return applyPlan(view, translated.entries, t);
    case 'usage':
      // Only the latest usage counts (SPEC "Context meter").
      view.usage = translated.usage;
      return;
    case 'view':
      Object.assign(view, translated.fields);
      return;
    case 'notice':
      return addNotice(view, translated, seq, t);
    case 'none':
      return;
    case 'unknown':
      return addUnknownItem(view, seq, t, translated.label, update, translated.reason);
  }
}
