// A fix for the embedded server's query queue (pglite-socket 0.2.17, still open upstream:
// electric-sql/pglite#1046, PR #977).
//
// PGlite is one PostgreSQL session; pglite-socket shares it between every client connection by
// queueing protocol messages one at a time, and keeps a connection's messages together only while
// a transaction is open. An extended-protocol query (Parse, Bind, Describe, Execute, Sync) is not a
// transaction, so two connections' queries interleave: B's Parse replaces the unnamed statement
// between A's Parse and A's Bind, and A runs B's SQL with its own parameters ("bind message
// supplies 2 parameters, but prepared statement requires 3", or silently the wrong rows — seen
// with 8 concurrent writes through the API). The upstream queue also stops for good when one
// message throws (it returns with `processing` still set).
//
// This replaces the queue's scheduler on the server instance: a connection keeps the session from
// its first extended-protocol message until its Sync (as well as through a transaction), and a
// throw fails only its own message. The package version is pinned; `keepQueryBatchesTogether`
// refuses to start if the queue no longer looks like the one this was written against.
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
}

/** Parse, Bind, Describe, Execute, Close, Flush: the batch goes on until Sync (or a simple Query). */
const BATCH_CONTINUES = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((type) => type.charCodeAt(0)));

function isQueryQueue(value: unknown): value is QueryQueue {
  const queue = value as Partial<QueryQueue> | null;
  return (
    !!queue &&
    Array.isArray(queue.queue) &&
    typeof queue.processQueue === 'function' &&
    typeof queue.clearTransactionIfNeeded === 'function' &&
    typeof queue.db?.runExclusive === 'function' &&
    'lastHandlerId' in queue
  );
}

export function keepQueryBatchesTogether(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue?: unknown }).queryQueue;
  if (!isQueryQueue(queue)) {
    throw new Error('pglite-socket changed: lib/embedded-query-queue.ts no longer fits its query queue');
  }
  /** The connection in lastHandlerId is inside an extended-protocol batch. */
  let batchOpen = false;

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const pinned = this.lastHandlerId !== null && (batchOpen || this.db.isInTransaction());
        const index = pinned ? this.queue.findIndex((item) => item.handlerId === this.lastHandlerId) : 0;
        // The connection holding the session has sent nothing more yet: its next message restarts us.
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1);
        if (!item) break;
        this.lastHandlerId = item.handlerId;
        batchOpen = BATCH_CONTINUES.has(item.message[0] ?? 0);
        try {
          let bytes = 0;
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
          item.resolve(bytes);
        } catch (error) {
          batchOpen = false;
          item.reject(error);
        }
      }
    } finally {
      this.processing = false;
    }
  }.bind(queue);

  // A connection that goes away mid-batch must not keep the session: release it and carry on.
  const clearTransaction = queue.clearTransactionIfNeeded.bind(queue);
  queue.clearTransactionIfNeeded = async (handlerId: number) => {
    if (queue.lastHandlerId === handlerId && batchOpen) {
      batchOpen = false;
      if (!queue.db.isInTransaction()) queue.lastHandlerId = null;
    }
    await clearTransaction(handlerId);
    void queue.processQueue();
  };
}
