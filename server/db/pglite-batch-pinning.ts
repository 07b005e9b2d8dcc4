/**
 * pglite-socket multiplexes many client connections onto PGlite's single session, one protocol message
 * at a time, and keeps a client's turn only while a transaction is open. node-postgres sends every
 * parameterised query as an extended-protocol batch (Parse, Bind, Describe, Execute, Sync): when two
 * clients' batches interleave, one client's Bind meets the other's unnamed statement ("unnamed prepared
 * statement does not exist"). This keeps a client's turn from its first extended-protocol message until
 * its Sync, as the server already does for transactions.
 *
 * It replaces the queue manager's processQueue; pglite-socket has no option for this. The shape it relies
 * on is pinned by the exact package version in package.json, tests/unit/upstream-patches.test.ts fails when
 * the QueryQueueManager source changes, and the embedded-database tests cover the behaviour.
 */
type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
};

type QueryQueueManager = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }): Promise<unknown>;
  };
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
};

const SYNC = 'S'.charCodeAt(0);
// Parse, Bind, Describe, Execute, Close, Flush: messages that open or continue a batch.
const BATCH_MESSAGES = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

export function pinExtendedProtocolBatches(manager: QueryQueueManager) {
  let pinned: number | null = null;

  const clear = manager.clearQueueForHandler.bind(manager);
  manager.clearQueueForHandler = (handlerId: number) => {
    if (pinned === handlerId) pinned = null;
    clear(handlerId);
  };

  manager.processQueue = async function processQueue(this: QueryQueueManager) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = pinned ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === owner);
        // The owner's next message has not arrived yet; its arrival calls processQueue again.
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1);
        if (!item) break;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          pinned = null;
          item.reject(error);
          continue;
        }
        const type = item.message[0] ?? 0;
        if (type === SYNC) pinned = null;
        else if (BATCH_MESSAGES.has(type)) pinned = item.handlerId;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
}
