import { useThreadQueue } from '../../stores/hooks/useThreadQueue.js';
import { QueueList } from './QueueList.js';

/** The queue (plan) of one thread from the session store (the same in every tab, via `queue.change`). */
export function ThreadQueue({ path, threadKey }: { path: string; threadKey: string }) {
  const { queue, paused, cancel, move, edit, sendNow, setPaused } = useThreadQueue(path, threadKey);
  return <QueueList queue={queue} paused={paused} onCancel={cancel} onMove={move} onEdit={edit} onSendNow={sendNow} onPause={setPaused} />;
}
