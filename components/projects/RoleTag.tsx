import { Tag } from 'antd';
import type { ProjectRole } from '../../src/protocol/index.js';

const LOOK: Record<ProjectRole, { color: string; label: string; title: string }> = {
  owner: { color: 'gold', label: 'owner', title: 'You manage this project and its members.' },
  collaborator: { color: 'blue', label: 'collaborator', title: 'You can send, approve and change settings in this project.' },
  viewer: { color: 'default', label: 'viewer', title: 'You can read this project; sending, approvals and changes are for its collaborators.' },
};

/** The caller's role in a project, as a tag ("viewer" explains itself in the tooltip). */
export function RoleTag({ role }: { role: ProjectRole }) {
  const look = LOOK[role] ?? LOOK.viewer;
  return (
    <Tag color={look.color} title={look.title} className="cc-role-tag" data-role={role}>
      {look.label}
    </Tag>
  );
}
