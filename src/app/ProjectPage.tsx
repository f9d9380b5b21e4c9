import { useEffect } from 'react';
import { ChatRoom, CodexProvider, ProjectHostAlert, ProjectRoleContext } from '../index.js';
import type { CodexRuntime, ProjectApi, ProjectInfo } from '../index.js';
import { openRoutedChat, followRoomInHash } from './project-location.js';
import { MultiuserNav, type MultiuserNavProps } from './MultiuserNav.js';
import { useProjectHost } from './use-project-host.js';

export type ProjectPageProps = {
  runtime: CodexRuntime;
  /** The runtime's scoped api: whether the project's host is there (a cluster). */
  api: ProjectApi;
  project: ProjectInfo;
  chat: string | null;
  thread: string | null;
  nav: Omit<MultiuserNavProps, 'project'>;
};

/**
 * One project's chat room on its own runtime; the caller's role gates what the room offers (a viewer
 * reads). While the project's host is away a banner says so; the chat of the address opens when it
 * is there (again), so a page loaded during the outage recovers by itself.
 */
export function ProjectPage({ runtime, api, project, chat, thread, nav }: ProjectPageProps) {
  const host = useProjectHost(api);
  const hostAway = host?.available === false;
  useEffect(() => {
    if (!hostAway) void openRoutedChat(runtime.room, chat, thread);
  }, [runtime, chat, thread, hostAway]);
  useEffect(() => followRoomInHash(runtime.room, project.id), [runtime, project.id]);
  return (
    <ProjectRoleContext.Provider value={project.role}>
      <CodexProvider runtime={runtime}>
        <ChatRoom
          notice={<ProjectHostAlert host={host} />}
          headerExtra={<MultiuserNav {...nav} project={project} thread={chat && thread ? { chat, thread } : null} />}
        />
      </CodexProvider>
    </ProjectRoleContext.Provider>
  );
}
