import { useThreadQueue } from '../../stores/hooks/useThreadQueue.js';
import { QueueList } from './QueueList.js';

/** The queue of one thread from the session store (the same in every tab, via `queue.change`). */
export function ThreadQueue({ path, threadKey }: { path: string; threadKey: string }) {
  const { queue, cancel } = useThreadQueue(path, threadKey);
  return <QueueList queue={queue} onCancel={cancel} />;
}
