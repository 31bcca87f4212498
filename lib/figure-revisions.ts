// Resolving append-only figure revisions. Rows are never edited: a correction is a new row naming
// the row it replaces, a retraction is a new row with `retracted` set that replaces one. So the
// figures in force are the rows nothing replaces, minus retraction markers, and a figure's history
// is the chain of `replacesId` links.
//
// Pure and generic over the rest of a row. The database forbids cycles, self-references and two
// rows replacing the same one; these functions still terminate on such data (each row is visited
// at most once) so one bad row cannot hang a page.

/** The fields revision logic reads; any other fields ride along untouched. */
export interface FigureRevision {
  id: number;
  replacesId: number | null;
  retracted: boolean;
}

/**
 * 'current': in force. 'superseded': replaced by a later row (even a retraction marker that was
 * itself corrected). 'retracted': the retraction marker ending a withdrawn chain.
 */
export type RevisionStatus = 'current' | 'superseded' | 'retracted';

export interface RevisionHistoryEntry<T extends FigureRevision> {
  revision: T;
  status: RevisionStatus;
}

/** The figures in force: rows not replaced by another row and not retractions, in input order. */
export function effectiveFigures<T extends FigureRevision>(rows: readonly T[]): T[] {
  const replaced = new Set<number>();
  for (const row of rows) {
    // A row naming itself replaces nothing: only ANOTHER row can take a row out of force.
    if (row.replacesId !== null && row.replacesId !== row.id) replaced.add(row.replacesId);
  }
  return rows.filter((row) => !row.retracted && !replaced.has(row.id));
}

/**
 * The revision chain containing `id`, oldest to newest, each row with its status; empty if no row
 * has that id. A `replacesId` naming a row not in `rows` ends the walk back: the chain starts at
 * the oldest row we have.
 */
export function revisionHistory<T extends FigureRevision>(
  rows: readonly T[],
  id: number,
): RevisionHistoryEntry<T>[] {
  const byId = new Map<number, T>();
  for (const row of rows) if (!byId.has(row.id)) byId.set(row.id, row);
  const replacerOf = new Map<number, T>();
  for (const row of rows) {
    if (row.replacesId === null || row.replacesId === row.id) continue;
    const rival = replacerOf.get(row.replacesId);
    // Two replacers cannot exist in the database; if they do, the first written (lowest id) wins,
    // as the unique index would have made it.
    if (!rival || row.id < rival.id) replacerOf.set(row.replacesId, row);
  }

  const asked = byId.get(id);
  if (!asked) return [];
  let oldest: T = asked;
  const seenBack = new Set<number>([oldest.id]);
  for (;;) {
    const previous = oldest.replacesId === null ? undefined : byId.get(oldest.replacesId);
    if (!previous || seenBack.has(previous.id)) break;
    seenBack.add(previous.id);
    oldest = previous;
  }

  const chain: T[] = [];
  const seenForward = new Set<number>();
  let row: T | undefined = oldest;
  while (row && !seenForward.has(row.id)) {
    seenForward.add(row.id);
    chain.push(row);
    row = replacerOf.get(row.id);
  }
  return chain.map((revision) => ({ revision, status: statusOf(revision, replacerOf) }));
}

function statusOf<T extends FigureRevision>(
  row: T,
  replacerOf: ReadonlyMap<number, T>,
): RevisionStatus {
  if (replacerOf.has(row.id)) return 'superseded';
  return row.retracted ? 'retracted' : 'current';
}
