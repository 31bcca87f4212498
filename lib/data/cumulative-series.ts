// Which figures make up "the series" of a group: shared by every reader that charts or lists it,
// so the dashboard, the series API and the exports pick the same points.

/** The fields the selection reads; anything else rides along. */
export interface SeriesCandidate {
  kind: 'CUMULATIVE' | 'WINDOW';
  /** ISO instant the cumulative count starts from. */
  basisStart: string | null;
}

/**
 * Current cumulative figures on the latest figure's basis, in input order. Figures counted from
 * different starts are never joined: a total "since August 14" and one "since August 15" are
 * different quantities.
 */
export function cumulativeSeriesOnLatestBasis<T extends SeriesCandidate>(figures: readonly T[]): T[] {
  const cumulative = figures.filter((figure) => figure.kind === 'CUMULATIVE');
  const basis = cumulative.at(-1)?.basisStart;
  return cumulative.filter((figure) => figure.basisStart === basis);
}

/** The requested group, else the first group (in display order) that has figures, else the first. */
export function selectGroup<G extends { slug: string }>(
  groups: readonly G[],
  groupSlugsWithFigures: ReadonlySet<string>,
  requested?: string,
): G | undefined {
  return (
    groups.find((group) => group.slug === requested) ??
    groups.find((group) => groupSlugsWithFigures.has(group.slug)) ??
    groups[0]
  );
}
