import type { ChatRow } from '../../src/protocol/index.js';

/** A row written by an agent turn (it names who started the turn, or carries the turn). */
export function isAgentMessage(message: ChatRow): boolean {
  return message.acp_account_id !== undefined || message.acp_turn !== undefined;
}

/** Only your own messages can be edited; never an agent's output, nor a row still being written. */
export function canEditMessage(message: ChatRow, accountId: string): boolean {
  return message.sender_id === accountId && !isAgentMessage(message) && message.generating !== true;
}

/** True when the message was edited after it was first written. */
export function isEdited(message: ChatRow): boolean {
  return message.history.length > 1;
}
