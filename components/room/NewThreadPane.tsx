import { Flex, Typography } from 'antd';
import type { AcpConfig } from '../../src/protocol/index.js';
import { chatFolder, useRoom } from '../../stores/room/index.js';
import { AgentBadge } from './AgentBadge.js';
import { NewAgentThreadButton } from './NewAgentThreadButton.js';
import { ThreadComposer } from './ThreadComposer.js';

/** The composer of a thread that does not exist yet: plain, or an agent thread with its chosen config. */
export function NewThreadPane({ agentConfig }: { agentConfig: AcpConfig | null }) {
  const chatPath = useRoom((state) => state.chatPath);
  const folder = agentConfig?.workingDirectory;
  return (
    <Flex vertical justify="flex-end" style={{ height: '100%', padding: 16, boxSizing: 'border-box' }} gap={12}>
      <div style={{ margin: 'auto 0' }}>
        <Typography.Title level={4}>{agentConfig ? 'New agent thread' : 'New thread'}</Typography.Title>
        {agentConfig ? (
          <Typography.Paragraph>
            <AgentBadge agent={agentConfig.agent} /> {[agentConfig.sessionMode, agentConfig.model, folder && folder !== '.' && `in ${folder}`].filter(Boolean).join(' · ')}
            <br />
            Your first message starts the agent.
          </Typography.Paragraph>
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              Write the first message of a new thread (for people), pick a thread on the left, or start a thread with a coding agent:
            </Typography.Paragraph>
            {chatPath && <NewAgentThreadButton chatFolder={chatFolder(chatPath)} primary label="Start an agent thread" />}
          </>
        )}
      </div>
      <ThreadComposer threadKey={null} />
    </Flex>
  );
}
