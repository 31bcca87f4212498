// The contract of the change feed (lib/live/change-feed.ts), apart from its workings.
import type { PooledQuery } from './change-detection';

export type ChangeFeedMode = 'notify' | 'polling';

export interface OperationChange {
  /** The operation's slug. */
  operation: string;
  /** 'resync': the feed was disconnected for a while, so something may have changed. */
  reason: 'change' | 'resync';
}

export type ChangeListener = (change: OperationChange) => void;

export interface ChangeFeed {
  /** Calls `listener` whenever the operation changes; returns the unsubscribe function. */
  subscribe(operation: string, listener: ChangeListener): () => void;
  /** Resolves once the feed listens (or polls), with how; starts the feed if needed. */
  ready(): Promise<ChangeFeedMode>;
  readonly mode: ChangeFeedMode | null;
  close(): Promise<void>;
}

export interface ChangeFeedOptions {
  /** For the LISTEN connection (and, without `query`, a one-connection pool of the feed's own). */
  connectionString: string;
  /** Runs a statement on a pooled connection: the probe's NOTIFY and the polling go through it. */
  query?: PooledQuery;
  pollIntervalMs?: number;
  /** How long the start-up probe waits for its own notification. */
  probeTimeoutMs?: number;
  /** A LISTEN connection is idle; this query every so often finds out that it died. */
  healthCheckIntervalMs?: number;
  reconnectDelayMs?: { min: number; max: number };
  log?: (line: string) => void;
}
