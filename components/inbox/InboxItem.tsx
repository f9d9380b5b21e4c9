import { Alert, Button, Flex, Typography } from 'antd';
import { useApprovalActions } from '../../stores/hooks/useApprovalActions.js';
import type { PendingApproval } from '../../stores/inbox/index.js';
import { PermissionOptions } from '../cards/PermissionOptions.js';
import { keyOfOption } from './option-keys.js';

type InboxItemProps = { approval: PendingApproval; active: boolean; onActivate: () => void; onOpenThread: () => void };

/**
 * One pending approval in the inbox: the thread, what is asked (the command, or the files of an
 * edit: the diff itself stays in the thread) and the agent's options. Answering is the thread
 * card's own call (useApprovalActions), so the hub records the same decision, by this account.
 */
export function InboxItem({ approval, active, onActivate, onOpenThread }: InboxItemProps) {
  const { item } = approval;
  const { respond, request, busy } = useApprovalActions(approval.turnId, item.requestId);
  const keys = item.options.map((option, index) => `${keyOfOption(index) ?? '·'} ${option.name}`).join(' · ');
  return (
    <li
      className="cc-inbox-item"
      aria-label={`Approval for ${approval.threadLabel}: ${item.title}`}
      aria-current={active ? 'true' : undefined}
      data-active={active}
      onClick={onActivate}
      style={{ listStyle: 'none', padding: 10, borderRadius: 6, border: `1px solid ${active ? '#fa8c16' : 'rgba(0,0,0,0.08)'}`, background: active ? 'rgba(250,140,22,0.06)' : undefined }}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong ellipsis>{approval.threadLabel}</Typography.Text>
        <Button size="small" type="link" onClick={onOpenThread}>Open thread</Button>
      </Flex>
      <div>{item.title || 'The agent asks for permission'}</div>
      {item.command ? <pre className="cc-inbox-command" style={{ background: 'var(--cc-code-background, #f5f5f5)', color: 'var(--cc-code-text)', padding: 6, margin: '4px 0', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 72, overflow: 'hidden' }}><code>$ {item.command}</code></pre> : null}
      {approval.files.length > 0 ? (
        <div className="cc-muted">
          Files: {approval.files.map((path, index) => <span key={`${index}:${path}`}>{index > 0 ? ', ' : ''}<code>{path}</code></span>)}
        </div>
      ) : null}
      <div style={{ marginTop: 6 }}>
        <PermissionOptions options={item.options} disabled={busy} chosen={request?.optionId ?? null} onSelect={(optionId) => void respond(optionId)} />
      </div>
      {active ? <div className="cc-muted" style={{ marginTop: 4, fontSize: 12 }}>Keys: {keys}</div> : null}
      {request?.state === 'failed' ? <Alert type="error" showIcon title={`Could not send your answer: ${request.error}`} /> : null}
      {request?.state === 'sent' ? <div role="status" className="cc-muted">Answer sent, waiting for the agent…</div> : null}
    </li>
  );
}
