import { BranchesOutlined } from '@ant-design/icons';
import { Button, Flex, Tag } from 'antd';
import type { ChatThread } from '../../stores/chat/index.js';
import { useAgentCapabilities } from '../../stores/hooks/useAgentCapabilities.js';
import { useRoomStore } from '../../stores/room/index.js';
import { DeleteThreadLogButton } from '../turn/DeleteThreadLogButton.js';
import { AgentBadge } from './AgentBadge.js';
import { ExportMenu } from './ExportMenu.js';
import { ThreadInterrupt } from './ThreadInterrupt.js';
import { ThreadSession } from './ThreadSession.js';

/** The thread's title bar: name, agent badge, session settings, export, fork, delete the activity log. */
export function ThreadHeader({ thread, chatFolder, authorName }: { thread: ChatThread; chatFolder: string; authorName: (senderId: string) => string }) {
  const room = useRoomStore();
  const canForkSession = useAgentCapabilities(thread.agent)?.fork;
  // Without ACP session/fork the hub still forks the thread; the agent then starts a new session.
  const forkHint = canForkSession === false ? 'This agent cannot fork its session: the fork starts a new agent session.' : undefined;
  return (
    <Flex component="header" align="center" gap={8} wrap style={{ padding: '8px 16px', borderBottom: '1px solid rgba(0,0,0,0.08)' }}>
      <h4 style={TITLE_STYLE} title={thread.label}>
        {thread.label}
      </h4>
      {thread.isAgent && <AgentBadge agent={thread.agent} />}
      {thread.running && <Tag color="processing">working</Tag>}
      {thread.running && thread.isAgent && <ThreadInterrupt threadKey={thread.key} />}
      {thread.isAgent && <ThreadSession threadKey={thread.key} chatFolder={chatFolder} />}
      <ExportMenu threadKey={thread.key} authorName={authorName} />
      {thread.isAgent && (
        <Button size="small" icon={<BranchesOutlined />} title={forkHint} onClick={() => void room.getState().forkThread(thread.key)}>
          Fork thread
        </Button>
      )}
      {thread.isAgent && <DeleteThreadLogButton threadKey={thread.key} running={thread.running} />}
    </Flex>
  );
}

// antd's level-4 title, truncated by CSS alone: Typography's ellipsis measures the text after mount
// (a resize observer and a second render in the task that opens the thread).
const TITLE_STYLE = { margin: 0, flex: 1, minWidth: 120, fontSize: 20, fontWeight: 600, lineHeight: 1.4, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
