import { describe, expect, it } from 'vitest';
import type { ChangeFeed, ChangeListener } from '@/lib/live/change-feed-types';
import { operationEventStream } from '@/lib/live/event-stream';

/** A feed driven by the test. */
function fakeFeed() {
  const listeners = new Map<string, Set<ChangeListener>>();
  let markReady: () => void = () => {};
  const ready = new Promise<'polling'>((resolve) => (markReady = () => resolve('polling')));
  const feed: ChangeFeed = {
    subscribe(operation, listener) {
      const set = listeners.get(operation) ?? new Set();
      listeners.set(operation, set.add(listener));
      return () => set.delete(listener);
    },
    ready: () => ready,
    mode: 'polling',
    close: async () => {},
  };
  const emit = (operation: string) =>
    listeners.get(operation)?.forEach((listener) => listener({ operation, reason: 'change' }));
  const count = (operation: string) => listeners.get(operation)?.size ?? 0;
  return { feed, emit, count, markReady };
}

async function readSome(reader: ReadableStreamDefaultReader<Uint8Array>, until: string): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes(until)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe('operationEventStream', () => {
  it('advises a retry, says when it is ready, then sends each change of its operation', async () => {
    const { feed, emit, markReady } = fakeFeed();
    const abort = new AbortController();
    const reader = operationEventStream({ feed, operation: 'kabul-2021', signal: abort.signal }).getReader();
    expect(await readSome(reader, '\n\n')).toMatch(/^retry: \d+\n\n/);
    markReady();
    expect(await readSome(reader, '\n\n')).toBe(
      'event: ready\ndata: {"operation":"kabul-2021","mode":"polling"}\n\n',
    );
    emit('other-operation');
    emit('kabul-2021');
    expect(await readSome(reader, '\n\n')).toBe(
      'event: change\ndata: {"operation":"kabul-2021","reason":"change"}\n\n',
    );
    abort.abort();
  });

  it('sends comment heartbeats', async () => {
    const { feed } = fakeFeed();
    const abort = new AbortController();
    const stream = operationEventStream({ feed, operation: 'x', signal: abort.signal, heartbeatIntervalMs: 20 });
    expect(await readSome(stream.getReader(), ': heartbeat\n\n')).toContain(': heartbeat\n\n');
    abort.abort();
  });

  it('unsubscribes and ends when the client goes away', async () => {
    const { feed, count } = fakeFeed();
    const abort = new AbortController();
    const reader = operationEventStream({ feed, operation: 'x', signal: abort.signal }).getReader();
    expect(count('x')).toBe(1);
    abort.abort();
    expect(count('x')).toBe(0);
    await readSome(reader, 'never');
    expect((await reader.read()).done).toBe(true);
  });

  it('unsubscribes when the stream is cancelled', async () => {
    const { feed, count } = fakeFeed();
    const stream = operationEventStream({ feed, operation: 'x', signal: new AbortController().signal });
    await stream.cancel();
    expect(count('x')).toBe(0);
  });
});
