export { QueueList } from './QueueList.js';
export { ThreadQueue } from './ThreadQueue.js';
