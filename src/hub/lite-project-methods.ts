import { statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readAccountName } from './account-id.js';
import { checkParams } from './method-params.js';
import type { MethodHandlers } from './types.js';

/** Lite mode's one workspace, as the project list names it. */
export const LITE_PROJECT_ID = 'local';

const PeopleParams = z.object({ accountIds: z.array(z.string().max(200)).max(1_000) });

/**
 * projects.list and people.get of lite mode: one account in one project (the workspace, as owner),
 * so the page can use the multiuser vocabulary everywhere.
 */
export function createLiteProjectMethods(root: string, stateDir: string, localAccountId: string): MethodHandlers {
  const stat = statSync(stateDir); // the project exists since the hub's state does
  const createdAt = new Date(stat.birthtimeMs || stat.mtimeMs).toISOString();
  const name = path.basename(root) || root;
  return {
    'projects.list': async () => ({ projects: [{ id: LITE_PROJECT_ID, name, role: 'owner', createdAt }] }),
    'people.get': async (params) => {
      const { accountIds } = checkParams('people.get', PeopleParams, params);
      // Read each time: account.setName writes the file.
      return { people: accountIds.includes(localAccountId) ? [{ accountId: localAccountId, name: readAccountName(stateDir) }] : [] };
    },
  };
}
