import { useThreadQueue } from '../../stores/hooks/useThreadQueue.js';
import { useWhoName } from '../people/useWhoName.js';
import { useProjectAccess } from '../projects/project-access.js';
import { QueueList } from './QueueList.js';

/**
 * The queue (plan) of one thread from the session store (the same in every tab, via `queue.change`),
 * each message with who queued it; a project viewer sees it without the buttons that change it.
 */
export function ThreadQueue({ path, threadKey }: { path: string; threadKey: string }) {
  const { queue, paused, cancel, move, edit, sendNow, setPaused } = useThreadQueue(path, threadKey);
  const nameOf = useWhoName();
  const { canWrite } = useProjectAccess();
  if (!canWrite) return <QueueList queue={queue} paused={paused} nameOf={nameOf} />;
  return <QueueList queue={queue} paused={paused} nameOf={nameOf} onCancel={cancel} onMove={move} onEdit={edit} onSendNow={sendNow} onPause={setPaused} />;
}
