import { z } from 'zod';
import { AcpApiError } from '../../acp-api/index.js';
import { ACP_API_ERROR_CODES } from '../../protocol/index.js';
import { checkParams } from '../method-params.js';
import type { MethodHandlers, TurnServiceDeps } from '../types.js';
import { elicitationBrokerFor } from './elicitation-broker.js';

const RespondParams = z.object({ elicitationId: z.string().min(1).max(200), action: z.enum(['accept', 'decline', 'cancel']) });

/**
 * `elicitation.respond`, a hub-level method: the caller's account must be the one the elicitation
 * was sent to (else the same not-found answer as for an unknown id). Lite mounts it with the turn
 * service; a multiuser hub mounts it once, on the `notifyAccount` its project scopes share.
 */
export function createElicitationMethods(notifyAccount: TurnServiceDeps['notifyAccount']): MethodHandlers {
  const broker = elicitationBrokerFor(notifyAccount);
  return {
    'elicitation.respond': async (params, context) => {
      const { elicitationId, action } = checkParams('elicitation.respond', RespondParams, params);
      if (!broker.respond(elicitationId, action, context)) throw new AcpApiError(ACP_API_ERROR_CODES.notFound, `no pending elicitation ${elicitationId}`);
      return {};
    },
  };
}
