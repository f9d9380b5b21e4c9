import { Alert, Button, Flex, Modal, Spin, Typography } from 'antd';
import { useStore } from 'zustand';
import { isWebUrl, useElicitations, type PendingElicitation } from '../../stores/elicitation/index.js';
import { useCodexRuntime } from '../../stores/provider.js';

/** What the sign-in dialog shows and does; the view of ElicitationPrompt, separate for tests and stories. */
export type ElicitationDialogProps = { elicitation: PendingElicitation; agentLabel: string; onOpened(): void; onCancel(): void };

/**
 * An agent's sign-in page: the message, the page as a link that opens in a new tab, the code with a
 * copy button, and a cancel. Only an http(s) address becomes a link; anything else (a `javascript:`
 * URL from a hostile agent) is shown as plain text and cannot be clicked.
 */
export function ElicitationDialog({ elicitation, agentLabel, onOpened, onCancel }: ElicitationDialogProps) {
  const { message, url, code, phase, error } = elicitation;
  const linkable = isWebUrl(url);
  return (
    <Modal open title={`Sign in to ${agentLabel}`} onCancel={onCancel} maskClosable={false} footer={<Button onClick={onCancel}>Cancel</Button>}>
      <Flex vertical gap="middle">
        <Typography.Paragraph style={{ margin: 0 }}>{message}</Typography.Paragraph>
        {linkable ? (
          <Typography.Link href={url} target="_blank" rel="noopener noreferrer" onClick={onOpened}>
            Open the sign-in page
          </Typography.Link>
        ) : (
          <Alert type="warning" showIcon title="This address is not a web page, so it is not offered as a link." description={<Typography.Text code>{url}</Typography.Text>} />
        )}
        {code ? (
          <Flex gap="small" align="baseline">
            <Typography.Text>Code:</Typography.Text>
            <Typography.Text strong code copyable={{ text: code, tooltips: ['Copy the code', 'Copied'] }}>
              {code}
            </Typography.Text>
          </Flex>
        ) : null}
        {phase === 'waiting' ? (
          <Flex gap="small" align="center" role="status">
            <Spin size="small" />
            <Typography.Text type="secondary">Waiting for sign-in…</Typography.Text>
          </Flex>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Flex>
    </Modal>
  );
}

/** Mounted once per thread view: the sign-in an agent asks this account for, if any. */
export function ElicitationPrompt() {
  const { session } = useCodexRuntime();
  const { current, opened, cancel } = useElicitations();
  const agentLabel = useStore(session, (state) => state.agents?.find((agent) => agent.id === current?.agent)?.label);
  if (!current) return null;
  return <ElicitationDialog elicitation={current} agentLabel={agentLabel ?? (current.agent || 'the agent')} onOpened={() => opened(current.elicitationId)} onCancel={() => cancel(current.elicitationId)} />;
}
