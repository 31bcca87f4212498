// The rows of a file checked against each other and against the database, once each is valid on
// its own: which are new, which are already stored (importing a file twice adds nothing), and
// which cannot be stored as they are. Pure: the caller reads the stored revisions first.
//
// Revision chains: a row names the revision it replaces (replaces_revision_id). That revision must
// be in the file or already stored, in the same group, and replaced by nobody else; chains must not
// loop; and the status column must agree with the chain (a `superseded` row is replaced by another
// row of the file, a `current` one is not), so that the export of the imported data says what the
// file said. A blank status is not checked: hand-made files need not know it.
import { contentKey, differingColumns } from './figure-content';
import type { ImportedFigure, RowError, RowReading, RowVerdict, ValidRow } from './types';

/** A revision as stored, with the operation it belongs to and who replaces it, if anybody. */
export interface StoredRevision {
  id: number;
  operation: string;
  figure: ImportedFigure & { retracted: boolean };
  replacedBy: number | null;
}

export interface StoredState {
  /** The stored revisions whose ids the file names (as revision_id or replaces_revision_id). */
  byId: ReadonlyMap<number, StoredRevision>;
  /** Content keys (./figure-content) of the operation's stored figures, for rows without an id. */
  idByContent: ReadonlyMap<string, number>;
}

type Working = { row: number; errors: RowError[]; present?: number; value: ValidRow };

export function planImport(readings: readonly RowReading[], stored: StoredState, operation: string): RowVerdict[] {
  const rows: Working[] = [];
  const verdicts = new Map<number, RowVerdict>();
  for (const reading of readings) {
    if (reading.ok) rows.push({ row: reading.value.row, errors: [], value: reading.value });
    else verdicts.set(reading.display.row, { row: reading.display.row, result: 'error', errors: reading.errors });
  }
  // Revision ids the file holds, including rows invalid for other reasons: a correction naming
  // such a row is not told its target is missing (the target's own errors say what to fix).
  const rowOfId = new Map<number, number>();
  for (const reading of readings) {
    const id = reading.ok ? reading.value.revisionId : /^\d{1,10}$/.test(reading.display.revisionId.trim()) ? Number(reading.display.revisionId) : null;
    if (id !== null && !rowOfId.has(id)) rowOfId.set(id, reading.ok ? reading.value.row : reading.display.row);
  }
  const validById = new Map<number, ValidRow>();
  for (const { value } of rows) if (value.revisionId !== null && !validById.has(value.revisionId)) validById.set(value.revisionId, value);

  findDuplicates(rows, rowOfId);
  findStored(rows, stored, operation);
  const replacerRow = checkChains(rows, stored, rowOfId, validById, operation);
  checkStatuses(rows, replacerRow);

  for (const working of rows) {
    const verdict: RowVerdict =
      working.errors.length > 0
        ? { row: working.row, result: 'error', errors: working.errors }
        : working.present !== undefined
          ? { row: working.row, result: 'present', revisionId: working.present }
          : { row: working.row, result: 'new', value: working.value };
    verdicts.set(working.row, verdict);
  }
  return readings.map((reading) => verdicts.get(reading.ok ? reading.value.row : reading.display.row)!);
}

function fail(working: Working, field: RowError['field'], message: string) {
  working.errors.push({ row: working.row, field, message });
}

/** The same revision twice, or the same figure twice where one of the two has no revision id. */
function findDuplicates(rows: Working[], rowOfId: ReadonlyMap<number, number>) {
  for (const working of rows) {
    const { revisionId } = working.value;
    if (revisionId === null) continue;
    const first = rowOfId.get(revisionId)!;
    if (first !== working.row) fail(working, 'revision_id', `revision ${revisionId} is also on row ${first}: a revision can be imported once`);
  }
  // Same content matters only where a row has no revision id: a file of exported revisions (every
  // row with its id) skips building a key per row.
  if (rows.every((working) => working.value.revisionId !== null)) return;
  const firstByContent = new Map<string, { row: number; hasId: boolean }>();
  for (const working of rows) {
    const { revisionId, figure } = working.value;
    const key = contentKey(figure);
    const earlier = firstByContent.get(key);
    if (!earlier) firstByContent.set(key, { row: working.row, hasId: revisionId !== null });
    else if ((!earlier.hasId || revisionId === null) && working.errors.length === 0) {
      fail(working, '', `duplicates row ${earlier.row}: the same figure with the same source`);
    }
  }
}

/** Rows the database already holds: skipped when identical, refused when the id holds something else. */
function findStored(rows: Working[], stored: StoredState, operation: string) {
  for (const working of rows) {
    if (working.errors.length > 0) continue;
    const { revisionId, figure } = working.value;
    if (revisionId === null) {
      const id = stored.idByContent.get(contentKey(figure));
      if (id !== undefined) working.present = id;
      continue;
    }
    const existing = stored.byId.get(revisionId);
    if (!existing) continue;
    if (existing.operation !== operation) {
      fail(working, 'revision_id', `revision ${revisionId} is already stored as a figure of ${existing.operation}`);
      continue;
    }
    const differences = differingColumns(figure, existing.figure);
    if (differences.length === 0) working.present = revisionId;
    else {
      fail(working, 'revision_id', `revision ${revisionId} is already stored with other content (${differences.join(', ')}): ` +
        'a stored figure is never overwritten; correct it on the site instead, or leave this row out');
    }
  }
}

/** Checks what each new row replaces; answers which row of the file replaces each revision. */
function checkChains(
  rows: Working[],
  stored: StoredState,
  rowOfId: ReadonlyMap<number, number>,
  validById: ReadonlyMap<number, ValidRow>,
  operation: string,
): Map<number, number> {
  const replacerRow = new Map<number, number>();
  for (const working of rows) {
    const { replacesId, group } = working.value.figure;
    if (replacesId === null) continue;
    const first = replacerRow.get(replacesId);
    if (first === undefined) replacerRow.set(replacesId, working.row);
    if (working.errors.length > 0 || working.present !== undefined) continue;
    if (first !== undefined) {
      fail(working, 'replaces_revision_id', `revision ${replacesId} is also replaced by row ${first}: a revision is replaced once`);
      continue;
    }
    const inFile = rowOfId.get(replacesId);
    if (inFile !== undefined) {
      const target = validById.get(replacesId);
      if (target && target.figure.group !== group) {
        fail(working, 'replaces_revision_id', `revision ${replacesId} (row ${inFile}) is a figure of ${target.figure.group}: a correction keeps the group`);
      }
      continue;
    }
    const existing = stored.byId.get(replacesId);
    if (!existing) {
      fail(working, 'replaces_revision_id', `revision ${replacesId} is neither in this file nor stored: import a file exported with revisions=all, which carries the whole history`);
    } else if (existing.operation !== operation) {
      fail(working, 'replaces_revision_id', `revision ${replacesId} is a figure of ${existing.operation}`);
    } else if (existing.figure.group !== group) {
      fail(working, 'replaces_revision_id', `revision ${replacesId} is a figure of ${existing.figure.group}: a correction keeps the group`);
    } else if (existing.replacedBy !== null && existing.replacedBy !== working.value.revisionId) {
      fail(working, 'replaces_revision_id', `revision ${replacesId} is already replaced by revision ${existing.replacedBy}`);
    }
  }
  findLoops(rows, validById);
  return replacerRow;
}

/** A chain of replacements that comes back to where it started can have no first revision. */
function findLoops(rows: Working[], validById: ReadonlyMap<number, ValidRow>) {
  const workingById = new Map<number, Working>();
  for (const working of rows) {
    if (working.value.revisionId !== null && !workingById.has(working.value.revisionId)) workingById.set(working.value.revisionId, working);
  }
  const settled = new Set<number>();
  for (const working of rows) {
    const start = working.value.revisionId;
    // Only a row that replaces something can be part of a loop.
    if (start === null || working.value.figure.replacesId === null || settled.has(start)) continue;
    const path: number[] = [];
    const onPath = new Set<number>();
    let id: number | null = start;
    while (id !== null && !settled.has(id) && !onPath.has(id)) {
      path.push(id);
      onPath.add(id);
      id = validById.get(id)?.figure.replacesId ?? null;
    }
    if (id !== null && onPath.has(id)) {
      const loop = path.slice(path.indexOf(id));
      for (const member of loop.map((member) => workingById.get(member)!)) {
        if (member.errors.length === 0) {
          fail(member, 'replaces_revision_id', `revisions ${loop.join(', ')} replace each other in a loop: one of them must be the first`);
        }
      }
    }
    for (const visited of path) settled.add(visited);
  }
}

/** The status column against the chain, so that the data exports as the file reads. */
function checkStatuses(rows: Working[], replacerRow: ReadonlyMap<number, number>) {
  for (const working of rows) {
    if (working.errors.length > 0 || working.present !== undefined) continue;
    const { status, revisionId } = working.value;
    if (status === null) continue;
    const replacer = revisionId === null ? undefined : replacerRow.get(revisionId);
    if (status === 'superseded' && revisionId === null) {
      fail(working, 'status', 'superseded needs the revision_id that a later row replaces');
    } else if (status === 'superseded' && replacer === undefined) {
      fail(working, 'status', `is superseded, but no row of the file replaces revision ${revisionId}: leave the status blank or add the correction`);
    } else if (status !== 'superseded' && replacer !== undefined) {
      fail(working, 'status', `is ${status}, but row ${replacer} replaces revision ${revisionId}: it would be superseded`);
    }
  }
}

/**
 * The new rows in an order the database accepts them in batches: a revision before the rows
 * that replace it (a foreign key), file order otherwise.
 */
export function insertionOrder(rows: readonly ValidRow[]): ValidRow[] {
  const byId = new Map<number, ValidRow>();
  for (const row of rows) if (row.revisionId !== null) byId.set(row.revisionId, row);
  const depth = new Map<ValidRow, number>();
  const depthOf = (row: ValidRow): number => {
    const known = depth.get(row);
    if (known !== undefined) return known;
    // Iterative: chains may be long, and recursion would exhaust the stack.
    const chain: ValidRow[] = [];
    const inChain = new Set<ValidRow>();
    let current: ValidRow | undefined = row;
    while (current && !depth.has(current) && !inChain.has(current)) {
      chain.push(current);
      inChain.add(current);
      current = current.figure.replacesId === null ? undefined : byId.get(current.figure.replacesId);
    }
    let next = current ? (depth.get(current) ?? 0) : -1;
    for (const member of chain.reverse()) {
      next += 1;
      depth.set(member, next);
    }
    return depth.get(row)!;
  };
  const depths = rows.map((row, at) => ({ row, at, depth: depthOf(row) }));
  // Usually no new row replaces another new row: file order is then the order.
  if (depths.every(({ depth }) => depth === 0)) return [...rows];
  return depths
    .sort((a, b) => a.depth - b.depth || a.at - b.at)
    .map(({ row }) => row);
}
