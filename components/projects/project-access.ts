import { createContext, useContext } from 'react';
import { PROJECT_ROLES, PROJECT_SCOPED_METHODS, type ProjectRole, type ProjectScopedMethod } from '../../src/protocol/index.js';

/** Whether `role` may call `method` (the least role of PROJECT_SCOPED_METHODS; roles are ordered owner > collaborator > viewer). */
export function roleAllows(role: ProjectRole, method: ProjectScopedMethod): boolean {
  return PROJECT_ROLES.indexOf(role) <= PROJECT_ROLES.indexOf(PROJECT_SCOPED_METHODS[method]);
}

/** The caller's role in the project shown below; null: lite mode or a host without projects (everything allowed). */
export const ProjectRoleContext = createContext<ProjectRole | null>(null);

/** What this account may do in the shown project: `canWrite` gates sends, approvals, config and queue changes. */
export function useProjectAccess(): { role: ProjectRole | null; canWrite: boolean } {
  const role = useContext(ProjectRoleContext);
  return { role, canWrite: role === null || roleAllows(role, 'turn.send') };
}

/** The note a viewer sees where the controls they cannot use would be. */
export const VIEWER_NOTE = 'You can read this project (viewer): sending, approvals, settings and queue changes are for its collaborators.';
