'use client';

// Tells a page when its operation changed, through the live stream (Server-Sent Events from
// /api/operations/:slug/live). When the stream is down, the hook says so (`mode: 'polling'`) and
// the page polls instead (TanStack Query's refetchInterval of POLL_INTERVAL_MS), while the hook
// keeps trying to reopen the stream with backoff. No data library is needed here: the hook only
// says "refetch".
import { useEffect, useEffectEvent, useState } from 'react';

export type LiveMode = 'live' | 'polling';

/** How often a page should refetch while `mode` is 'polling'. */
export const POLL_INTERVAL_MS = 2_000;

const RETRY_MIN_MS = 5_000;
const RETRY_MAX_MS = 60_000;

export function liveUpdatesUrl(slug: string): string {
  return `/api/operations/${encodeURIComponent(slug)}/live`;
}

/**
 * Calls `onChange` whenever the server reports a change of the operation `slug`, and once more
 * when the stream comes back after an interruption (changes may have been missed meanwhile).
 *
 * `mode` is 'live' only once the server confirmed it is listening (its `ready` event); before that
 * and after any error it is 'polling', so a page never goes without updates. The stream is closed
 * on error and reopened after 5 s, doubling up to 60 s, rather than left to the browser's
 * own reconnect loop, so the backoff is ours.
 */
export function useLiveUpdates(slug: string, onChange: () => void): { mode: LiveMode } {
  const [mode, setMode] = useState<LiveMode>('polling');
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
      setMode('polling');
    };
  }, [slug]);

  return { mode };
}
