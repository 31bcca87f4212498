'use client';

// Tells a page when its operation changed, through the live stream (Server-Sent Events from
// /api/operations/:slug/live). Until the stream is confirmed (`mode: 'connecting'`) and whenever it
// is down (`mode: 'polling'`), the page polls instead (TanStack Query's refetchInterval of
// POLL_INTERVAL_MS), while the hook keeps trying to reopen the stream with backoff. No data
// library is needed here: the hook only says "refetch".
import { useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react';

export type LiveMode = 'connecting' | 'live' | 'polling';

/** Whether a page should poll: always, unless the stream is confirmed. */
export const shouldPoll = (mode: LiveMode | undefined) => mode !== undefined && mode !== 'live';

/** How often a page refetches while it polls. */
export const POLL_INTERVAL_MS = 2_000;

const RETRY_MIN_MS = 5_000;
const RETRY_MAX_MS = 60_000;

const noSubscription = () => () => {};
/** The server renders as if the browser had EventSource: almost every browser has. */
const useEventSourceAvailable = () =>
  useSyncExternalStore(noSubscription, () => typeof EventSource !== 'undefined', () => true);

export function liveUpdatesUrl(slug: string): string {
  return `/api/operations/${encodeURIComponent(slug)}/live`;
}

/**
 * Calls `onChange` whenever the server reports a change of the operation `slug`, and once more
 * when the stream comes back after an interruption (changes may have been missed meanwhile).
 *
 * `mode` is 'live' only once the server confirmed it is listening (its `ready` event); before that
 * it is 'connecting' (which is also what the server renders: nothing has failed yet), and after
 * any error it is 'polling', which readers are told. A page polls in both, so it never goes
 * without updates. The stream is closed on error and reopened after 5 s, doubling up to 60 s,
 * rather than left to the browser's own reconnect loop, so the backoff is ours.
 */
export function useLiveUpdates(slug: string, onChange: () => void): { mode: LiveMode } {
  const [mode, setMode] = useState<LiveMode>('connecting');
  const eventSourceAvailable = useEventSourceAvailable();
  const changed = useEffectEvent(() => onChange());

  useEffect(() => {
    // No EventSource (very old browser, some embedded webviews): poll for good.
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let interrupted = false;

    const open = () => {
      source = new EventSource(liveUpdatesUrl(slug));
      source.addEventListener('ready', () => {
        failures = 0;
        setMode('live');
        if (interrupted) changed();
        interrupted = false;
      });
      source.addEventListener('change', () => changed());
      source.addEventListener('error', () => {
        source?.close();
        source = null;
        interrupted = true;
        setMode('polling');
        const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** failures);
        failures += 1;
        retryTimer = setTimeout(open, delay);
      });
    };
    open();

    return () => {
      clearTimeout(retryTimer);
      source?.close();
      source = null;
      // A different slug starts over as not yet confirmed.
      setMode('connecting');
    };
  }, [slug]);

  return { mode: eventSourceAvailable ? mode : 'polling' };
}
