import { Button, Flex } from 'antd';
import { AccountAvatar, RoleTag, ThemeSwitch } from '../index.js';
import type { ProjectInfo } from '../index.js';
import { multiuserHash } from './multiuser-route.js';

export type MultiuserNavProps = {
  accountId: string;
  name: string;
  isAdmin: boolean;
  /** The open project, shown with your role in it. */
  project?: ProjectInfo | null;
  /** The open chat and thread of that project: the nav links to the thread's audit too. */
  thread?: { chat: string; thread: string } | null;
};

/** The multiuser page's links: your projects, the open project and your role, admin, your account, log out. */
export function MultiuserNav({ accountId, name, isAdmin, project, thread }: MultiuserNavProps) {
  return (
    <Flex gap={8} align="center" wrap className="cc-multiuser-nav">
      <a href="#/">Projects</a>
      {project && (
        <Flex gap={4} align="center" data-testid="current-project">
          <span aria-hidden="true">/</span>
          <strong>{project.name}</strong>
          <RoleTag role={project.role} />
          <a href={multiuserHash({ page: 'audit', projectId: project.id })}>Audit</a>
          {thread && <a href={multiuserHash({ page: 'audit', projectId: project.id, ...thread })}>Audit of this thread</a>}
        </Flex>
      )}
      {isAdmin && <a href="#/audit">Audit (all projects)</a>}
      {isAdmin && <a href="#/admin">Admin</a>}
      <ThemeSwitch />
      <a href="#/account" aria-label={`Your account: ${name}`} style={{ display: 'inline-flex' }}>
        <AccountAvatar accountId={accountId} name={name} size={24} label={`Your account: ${name}`} />
      </a>
      {/* The hub's logout route (a server-rendered page): a real form post, so it works without scripts. */}
      <form method="post" action="/logout" style={{ margin: 0 }}>
        <Button size="small" htmlType="submit">
          Log out
        </Button>
      </form>
    </Flex>
  );
}
