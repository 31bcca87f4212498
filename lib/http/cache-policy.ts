// How long shared caches may keep a public read. The figures of an evacuation change while the
// story moves, and each reader's page refreshes on change, so the current view is fresh for a
// CDN for 5 s only; browsers always revalidate (max-age=0), which the ETag makes cheap.

/** The current view: "as of now". */
export const CURRENT_VIEW_CACHE_CONTROL = 'public, max-age=0, s-maxage=5, stale-while-revalidate=30';

/**
 * A view whose asOf day is over. New figures dated after it never change it, but a correction of
 * a figure dated within it does (revisions are resolved at read time, so the past view shows the
 * corrected number). Corrections are rare and editorial, so a CDN may keep such a view for a
 * minute, and serve it stale for five more while it refetches: a correction then reaches every
 * reader within about a minute, while a spike of readers sharing one historic link (a news
 * article linking "the dashboard as of 22 August") costs the origin one read a minute.
 */
export const PAST_VIEW_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

/** Nothing about an error, or a stream, is worth keeping. */
export const NO_STORE = 'no-store';

export function cacheControlForView(viewAsOf: Date | undefined, now: Date = new Date()): string {
  return viewAsOf && viewAsOf.getTime() < now.getTime()
    ? PAST_VIEW_CACHE_CONTROL
    : CURRENT_VIEW_CACHE_CONTROL;
}
