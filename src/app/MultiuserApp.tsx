import { App as AntApp, Alert, Flex, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { AccountPage, AdminPage, AgentCredentialsPanel, AuditView, CodexProvider, CodexThemeProvider, PeopleProvider, ProjectList } from '../index.js';
import type { AcpApi, PeopleStore, ProjectInfo } from '../index.js';
import type { HubIdentity } from './hub-connection.js';
import { multiuserHash } from './multiuser-route.js';
import { MultiuserNav } from './MultiuserNav.js';
import { createAppRuntime } from './create-app-runtime.js';
import type { ProjectRuntimes } from './project-runtimes.js';
import { ProjectPage } from './ProjectPage.js';
import { useMultiuserRoute } from './use-multiuser-route.js';

export type MultiuserAppProps = { api: AcpApi; identity: HubIdentity; people: PeopleStore; runtimes: ProjectRuntimes };

/**
 * The multiuser page: your projects (name and role), then a project's chats on its own runtime
 * (`#/p/<project>/…`), your account (`#/account`), the admin page for admins. One hub connection.
 */
export function MultiuserApp({ api, identity, people, runtimes }: MultiuserAppProps) {
  const route = useMultiuserRoute();
  const [projects, setProjects] = useState<ProjectInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState(identity.accountName ?? identity.email ?? 'You');
  const load = useCallback(() => {
    setError(null);
    api.call('projects.list', {}).then(
      (answer) => {
        setProjects(answer.projects);
        runtimes.updateHosts(answer.projects); // the hosts' word, e.g. notifications missed while reconnecting
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [api, runtimes]);
  useEffect(load, [load]);
  useEffect(() => reloadAfterReconnect(api, load), [api, load]);
  // A cluster's project hosts going away and coming back: the list says which are down.
  useEffect(
    () => api.on('project.host', ({ project, host }) => setProjects((list) => list?.map((item) => (item.id === project ? { ...item, host } : item)) ?? list)),
    [api],
  );
  // Hub-level pages (account, audit, admin) get a runtime on the unscoped api, made when one is shown.
  const hubPage = route.page === 'admin' || route.page === 'account' || route.page === 'audit';
  const hubRuntime = useMemo(() => (hubPage ? createAppRuntime(api, identity.accountId) : null), [api, identity.accountId, hubPage]);
  useEffect(() => () => hubRuntime?.dispose(), [hubRuntime]);

  const saveName = async (next: string) => {
    const { accountName } = await api.call('account.setName', { name: next });
    setName(accountName);
    people.getState().remember([{ accountId: identity.accountId, name: accountName }]);
    // Each open project's header shows the name from its own session store.
    for (const runtime of runtimes.all()) runtime.session.setState({ accountName });
  };
  const nav = { accountId: identity.accountId, name, isAdmin: identity.isAdmin };

  let page;
  if (route.page === 'project') {
    const project = projects?.find((candidate) => candidate.id === route.projectId);
    page = project ? (
      <ProjectPage key={project.id} runtime={runtimes.get(project.id, project.host)} api={runtimes.api(project.id, project.host)} project={project} chat={route.chat} thread={route.thread} nav={nav} />
    ) : (
      <Shell nav={<MultiuserNav {...nav} />}>
        {projects === null && !error ? <ProjectList projects={null} hrefOf={projectHref} /> : <Alert type="warning" showIcon title={`You are not a member of a project “${route.projectId}”.`} description={<a href="#/">Your projects</a>} />}
      </Shell>
    );
  } else if (route.page === 'account' && hubRuntime) {
    page = (
      <Shell nav={<MultiuserNav {...nav} />}>
        <CodexProvider runtime={hubRuntime}>
          <AccountPage accountId={identity.accountId} name={name} email={identity.email} onSaveName={saveName}>
            <AgentCredentialsPanel />
          </AccountPage>
        </CodexProvider>
      </Shell>
    );
  } else if (route.page === 'audit' && hubRuntime) {
    const project = projects?.find((candidate) => candidate.id === route.projectId);
    page = (
      <Shell nav={<MultiuserNav {...nav} project={project} />}>
        <Typography.Title level={3}>{auditTitle(project?.name, route.chat)}</Typography.Title>
        <CodexProvider runtime={hubRuntime}>
          <AuditView project={route.projectId ?? undefined} path={route.chat} threadKey={route.thread} />
        </CodexProvider>
      </Shell>
    );
  } else if (route.page === 'admin' && hubRuntime) {
    page = (
      <Shell nav={<MultiuserNav {...nav} />}>
        <CodexProvider runtime={hubRuntime}>
          <AdminPage />
        </CodexProvider>
      </Shell>
    );
  } else {
    page = (
      <Shell nav={<MultiuserNav {...nav} />}>
        <Typography.Title level={3}>Your projects</Typography.Title>
        <ProjectList projects={projects} error={error} onRetry={load} hrefOf={projectHref} />
      </Shell>
    );
  }
  return (
    <CodexThemeProvider applyToDocument>
      <AntApp>
        <PeopleProvider people={people}>{page}</PeopleProvider>
      </AntApp>
    </CodexThemeProvider>
  );
}

/** Runs `load` each time the connection is open again after a drop. */
function reloadAfterReconnect(api: AcpApi, load: () => void): () => void {
  let wasOpen = api.connectionState().type === 'open';
  return api.onConnectionChange((state) => {
    if (state.type === 'open' && !wasOpen) load();
    wasOpen = state.type === 'open';
  });
}

const projectHref = (projectId: string) => multiuserHash({ page: 'project', projectId, chat: null, thread: null });

/** A page other than a project's room: the links on top, the content below. */
function Shell({ nav, children }: { nav: ReactNode; children: ReactNode }) {
  return (
    <Flex vertical gap={16} style={{ padding: '8px 24px' }}>
      <Flex justify="flex-end">{nav}</Flex>
      <main>{children}</main>
    </Flex>
  );
}

/** The audit page's heading: all you may see, a project's, or one thread's of a chat. */
function auditTitle(projectName: string | undefined, chat: string | undefined): string {
  if (!projectName) return 'Audit';
  return chat ? `Audit of a thread of ${chat} in ${projectName}` : `Audit of ${projectName}`;
}
