import { Alert, Tag } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useStore } from 'zustand';
import { useApprovalActions } from '../../stores/hooks/useApprovalActions.js';
import { useCard } from '../../stores/hooks/useCard.js';
import { useCodexStores } from '../../stores/provider.js';
import { CardShell } from '../common/CardShell.js';
import type { CardProps } from './card-props.js';
import { DiffFileView } from './DiffFileView.js';
import { PermissionDecision } from './PermissionDecision.js';
import { PermissionOptions } from './PermissionOptions.js';
import { permissionDiffs } from './permission-diffs.js';

const STATE_TAG = { pending: 'gold', selected: 'success', cancelled: 'default', 'timed-out': 'warning' } as const;

/** A permission request: the command or diff asked about, approval buttons, then the decision. */
export function PermissionCard({ turnId, item }: CardProps<'permission'>) {
  const { view } = useCodexStores();
  const layout = useStore(view, (state) => state.diffLayout);
  const { respond, request, busy } = useApprovalActions(turnId, item.requestId);
  // An edit asking approval usually has its own edit card (same tool call id) showing the diff:
  // show it there only, and name the files here, so a long diff is not on screen twice.
  const editCard = useCard(turnId, item.toolCallId ?? '');
  const editCardFiles = editCard?.kind === 'diff' && editCard.files.length > 0 ? editCard.files : null;
  const diffs = editCardFiles ? [] : permissionDiffs(item.toolCall);
  return (
    <CardShell
      kind="permission"
      label={`Permission request: ${item.title}`}
      header={
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <SafetyOutlined />
          <strong style={{ flex: 1 }}>{item.title || 'The agent asks for permission'}</strong>
          <Tag color={STATE_TAG[item.state] ?? 'default'}>{item.state === 'pending' ? 'waiting for you' : item.state}</Tag>
        </div>
      }
    >
      {item.command ? <pre style={{ background: 'var(--cc-code-background, #f5f5f5)', color: 'var(--cc-code-text)', padding: 6, margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}><code>$ {item.command}</code></pre> : null}
      {diffs.map((file, index) => <DiffFileView key={`${index}:${file.path}`} file={file} layout={layout} />)}
      {editCardFiles ? (
        <div className="cc-muted cc-permission-diff-elsewhere">
          The change to {editCardFiles.map((file, index) => <span key={`${index}:${file.path}`}>{index > 0 ? ', ' : ''}<code>{file.path}</code></span>)} is shown in the edit card above.
        </div>
      ) : null}
      {item.state === 'pending' ? (
        <div style={{ marginTop: 6 }}>
          <PermissionOptions options={item.options} disabled={busy} chosen={request?.optionId ?? null} onSelect={(optionId) => void respond(optionId)} />
          {request?.state === 'failed' ? <Alert type="error" showIcon title={`Could not send your answer: ${request.error}`} /> : null}
          {request?.state === 'sent' ? <div role="status" className="cc-muted">Answer sent, waiting for the agent…</div> : null}
        </div>
      ) : (
        <PermissionDecision item={item} />
      )}
    </CardShell>
  );
}
