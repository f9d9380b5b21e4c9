import type { RequestPermissionRequest, RequestPermissionResponse } from '@agentclientprotocol/sdk';
import type { ContentBlock, ElicitationAction } from '../../protocol/index.js';
import type { PermissionBroker } from './permission-broker.js';
import type { ThreadAgent } from './thread-agent.js';

/** A turn accepted by turn.send. */
export type TurnRequest = { turnId: string; path: string; threadKey: string; prompt: ContentBlock[]; userDate: string; accountId: string; /** The account that last edited it while queued (queue.edit). */ editedBy?: string };

/** The turn a thread is running now. */
export type RunningTurn = {
  request: TurnRequest;
  broker: PermissionBroker;
  /** Set by turn.interrupt; the prompt's end is then reported as cancelled. */
  interruptRequested: boolean;
  /** Set when the agent ignored session/cancel and its process group was killed. */
  killed?: boolean;
  /** Set when the agent sent this turn anything (an update or a permission request): the turn is then never retried. */
  heardFromAgent?: boolean;
  /** Session updates are routed to this turn only once its prompt is sent (not a load replay). */
  sessionId?: string;
  onUpdate?: (update: unknown) => void;
  onPermission?: (request: RequestPermissionRequest, signal: AbortSignal) => Promise<RequestPermissionResponse>;
  /** While the agent signs in through URL elicitation (url-sign-in.ts): aborting stops it; `answer` is the user's, `refused` why the hub said no itself. */
  signIn?: { abort: AbortController; answer?: ElicitationAction; refused?: string };
};

/** Per-thread state: its FIFO queue, the running turn and its agent process. */
export type ThreadState = {
  path: string;
  threadKey: string;
  queue: TurnRequest[];
  running?: RunningTurn;
  agent?: ThreadAgent;
  /** Set while session.setOption applies a change to the live session (the agent is busy). */
  changingOptions?: Promise<void>;
  /** queue.pause: no queued turn starts after the running one (until resumed), except `sendNowId`. */
  paused?: boolean;
  /** queue.sendNow: the turn that runs next even while the queue is paused. */
  sendNowId?: string;
  /** Set at hub shutdown: the thread writes nothing more. */
  closed?: boolean;
};
