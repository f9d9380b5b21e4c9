import { z } from 'zod';
import { AcpApiError } from '../../acp-api/index.js';
import { checkParams } from '../../hub/method-params.js';
import type { MethodHandlers } from '../../hub/types.js';
import type { HostCaller } from './host-call.js';

const RespondParams = z.object({ elicitationId: z.string().min(1).max(200), action: z.enum(['accept', 'decline', 'cancel']) });

/** Pending elicitations remembered at once at most (the oldest goes first; an answer to it is then "no pending elicitation"). */
const MAX_PENDING = 10_000;

/**
 * Which host asked each pending URL elicitation (learned from the `elicitation.request` the relay
 * passed on), so that `elicitation.respond`, a hub-level method without a project, reaches the host
 * whose turn waits for it, as a signed call. The host checks that the caller is the one asked.
 */
export function createElicitationRoutes(call: HostCaller) {
  const hostOf = new Map<string, string>();
  return {
    remember(elicitationId: string, hostId: string): void {
      hostOf.delete(elicitationId);
      if (hostOf.size >= MAX_PENDING) hostOf.delete(hostOf.keys().next().value as string);
      hostOf.set(elicitationId, hostId);
    },
    forget(elicitationId: string): void {
      hostOf.delete(elicitationId);
    },
    methods: {
      'elicitation.respond': async (params, context) => {
        const { elicitationId, action } = checkParams('elicitation.respond', RespondParams, params);
        const hostId = hostOf.get(elicitationId);
        if (!hostId) throw AcpApiError.notFound(`no pending elicitation ${elicitationId}`);
        await call(hostId, 'elicitation.respond', { elicitationId, action }, context);
        return {};
      },
    } satisfies MethodHandlers,
  };
}

export type ElicitationRoutes = ReturnType<typeof createElicitationRoutes>;
