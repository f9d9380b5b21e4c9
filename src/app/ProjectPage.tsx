import { useEffect } from 'react';
import { ChatRoom, CodexProvider, ProjectRoleContext } from '../index.js';
import type { CodexRuntime, ProjectInfo } from '../index.js';
import { openRoutedChat, followRoomInHash } from './project-location.js';
import { MultiuserNav, type MultiuserNavProps } from './MultiuserNav.js';

export type ProjectPageProps = {
  runtime: CodexRuntime;
  project: ProjectInfo;
  chat: string | null;
  thread: string | null;
  nav: Omit<MultiuserNavProps, 'project'>;
};

/** One project's chat room on its own runtime; the caller's role gates what the room offers (a viewer reads). */
export function ProjectPage({ runtime, project, chat, thread, nav }: ProjectPageProps) {
  useEffect(() => {
    void openRoutedChat(runtime.room, chat, thread);
  }, [runtime, chat, thread]);
  useEffect(() => followRoomInHash(runtime.room, project.id), [runtime, project.id]);
  return (
    <ProjectRoleContext.Provider value={project.role}>
      <CodexProvider runtime={runtime}>
        <ChatRoom headerExtra={<MultiuserNav {...nav} project={project} thread={chat && thread ? { chat, thread } : null} />} />
      </CodexProvider>
    </ProjectRoleContext.Provider>
  );
}
