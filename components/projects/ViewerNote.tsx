import { Alert } from 'antd';
import { useProjectAccess, VIEWER_NOTE } from './project-access.js';

/** Shown instead of (or beside) disabled controls when this account only reads the project. */
export function ViewerNote({ compact = false }: { compact?: boolean }) {
  const { canWrite } = useProjectAccess();
  if (canWrite) return null;
  return compact ? (
    <span className="cc-muted cc-viewer-note" data-testid="viewer-note">You can read this project (viewer)</span>
  ) : (
    <Alert type="info" showIcon className="cc-viewer-note" data-testid="viewer-note" title={VIEWER_NOTE} />
  );
}
