/**
 * A keyed collection split over a fixed array of small plain objects. Why: Immer copies an object
 * on its first change, and copying a 10,000-key record costs ~16 ms in V8, which would make every
 * change O(document). With 256 buckets a change copies the bucket array (a fast slice) and one
 * bucket of a few keys, so a change of k rows stays O(k).
 */
export type Buckets<T> = readonly Readonly<Record<string, T>>[];

/** Number of buckets; about forty entries each at 10,000 messages (measured best of 64, 256, 1024). */
export const BUCKET_COUNT = 256;

export function createBuckets<T>(): Record<string, T>[] {
  return Array.from({ length: BUCKET_COUNT }, () => ({}));
}

/** The bucket of a key: FNV-1a of the string, so ms keys one second apart still spread evenly. */
function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let position = 0; position < key.length; position += 1) {
    hash ^= key.charCodeAt(position);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKET_COUNT;
}

/** The entry stored under `key`, if any. */
export function getFromBuckets<T>(buckets: Buckets<T>, key: string): T | undefined {
  const bucket = buckets[bucketOf(key)];
  return Object.prototype.hasOwnProperty.call(bucket, key) ? bucket[key] : undefined;
}

/** Every entry, in no particular order. */
export function bucketValues<T>(buckets: Buckets<T>): T[] {
  const values: T[] = [];
  for (const bucket of buckets) for (const key in bucket) values.push(bucket[key]);
  return values;
}

/** Whether no bucket holds an entry (a scan of the bucket array, no copy). */
export function bucketsEmpty<T>(buckets: Buckets<T>): boolean {
  for (const bucket of buckets) for (const key in bucket) if (Object.prototype.hasOwnProperty.call(bucket, key)) return false;
  return true;
}

/** Stores `value` under `key` in an Immer draft of the buckets. */
export function setInBuckets<T>(draft: Record<string, T>[], key: string, value: T): void {
  draft[bucketOf(key)][key] = value;
}

/** Removes `key` from an Immer draft of the buckets, touching nothing when `base` lacks it. */
export function deleteFromBuckets<T>(draft: Record<string, T>[], base: Buckets<T>, key: string): void {
  if (getFromBuckets(base, key) !== undefined) delete draft[bucketOf(key)][key];
}
