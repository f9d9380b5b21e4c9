import { Alert, Empty, Spin } from 'antd';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { CodexProvider, useCodexRuntime } from '../../stores/provider.js';
import type { CodexRuntime } from '../../stores/runtime/index.js';
import { useRoom } from '../../stores/room/index.js';
import { ElicitationPrompt } from '../elicitation/ElicitationPrompt.js';
import { ThreadView } from './ThreadView.js';

/** Props of CodexThread: which thread of which chat document, and (outside a CodexProvider) the runtime. */
export type CodexThreadProps = {
  /** The chat document's path (the hub's turns and queues are keyed by it). */
  path: string;
  /** The thread's key: its root message's date in ms, as a string. */
  threadKey: string;
  /** The runtime, when no CodexProvider is above. */
  runtime?: CodexRuntime;
};

/**
 * One agent thread: messages, live turns with their activity cards, approvals, interrupt, queue,
 * composer, session button and config modal, context meter, export and fork. Opens `path` in the
 * runtime's room if another (or no) chat is open, so a host needs nothing around it but the runtime.
 */
export function CodexThread({ runtime, ...thread }: CodexThreadProps) {
  if (!runtime) return <OpenThread {...thread} />;
  return (
    <CodexProvider runtime={runtime}>
      <OpenThread {...thread} />
    </CodexProvider>
  );
}

function OpenThread({ path, threadKey }: { path: string; threadKey: string }) {
  const { room, session, api } = useCodexRuntime();
  const open = useRoom((state) => state.chat?.path === path);
  const error = useRoom((state) => (state.chatPath === path && !state.opening ? state.error : null));
  const queuesLoaded = useStore(session, (state) => path in state.queues);

  useEffect(() => {
    if (room.getState().chatPath !== path) void room.getState().openChat(path);
  }, [room, path]);
  // The thread's queue comes from the hub; a runtime without one has none to load.
  useEffect(() => {
    if (api && open && !queuesLoaded) void session.getState().loadQueues(path);
  }, [api, open, queuesLoaded, session, path]);

  if (!open) {
    if (error) return <Alert type="error" showIcon title={error} />;
    return <Empty style={{ margin: 'auto' }} image={<Spin />} description={`Opening ${path}…`} />;
  }
  return (
    <>
      <ThreadView key={threadKey} threadKey={threadKey} path={path} />
      {/* An agent's sign-in page (URL elicitation) for whoever started the turn: once per thread view. */}
      <ElicitationPrompt />
    </>
  );
}
