// The write API's rule that a running total does not fall, applied to the rows an import would
// add: each new cumulative figure (not a correction, which may lower a value, as on the site) must
// not be lower than the latest figure before it on the same basis for the same group. "Before"
// is by as-of instant, then by revision id (a row without one comes after every stored figure and
// every row with an id, in file order), among the figures in force once the file is stored: the
// stored ones and the file's own rows, so a superseded or retracted value is not a fall.
// Pure: the caller reads the stored figures in force first (figure-import.ts).
import { effectiveFigures } from '../../figure-revisions';
import { runningTotalFallMessage } from '../../running-total';
import { formatInstantInZone } from '../zoned-iso';
import type { RowVerdict, ValidRow } from './types';

/** A cumulative figure in force in the database. */
export interface StoredTotal {
  id: number;
  group: string;
  basisStart: number;
  asOf: number;
  value: number;
}

interface Entry {
  id: number;
  replacesId: number | null;
  retracted: boolean;
  /** Null for a stored figure. */
  row: ValidRow | null;
  group: string;
  kind: 'CUMULATIVE' | 'WINDOW';
  basisStart: number | null;
  asOf: number;
  value: number;
}

/** The new rows whose value the rule applies to: new cumulative figures that correct nothing. */
export function runningTotalSubjects(verdicts: readonly RowVerdict[]): ValidRow[] {
  return verdicts.flatMap((verdict) =>
    verdict.result === 'new' && verdict.value.figure.kind === 'CUMULATIVE' && verdict.value.figure.replacesId === null ? [verdict.value] : [],
  );
}

export function checkRunningTotals(verdicts: readonly RowVerdict[], stored: readonly StoredTotal[], timeZone: string): RowVerdict[] {
  if (runningTotalSubjects(verdicts).length === 0) return [...verdicts];
  const entries: Entry[] = stored.map((total) => ({ ...total, replacesId: null, retracted: false, row: null, kind: 'CUMULATIVE' }));
  for (const verdict of verdicts) {
    if (verdict.result !== 'new') continue;
    const { figure, revisionId, row } = verdict.value;
    // A row without a revision id gets a stand-in no stored figure has; nothing can replace it.
    entries.push({ ...figure, id: revisionId ?? -row, retracted: figure.retracted === true, row: verdict.value });
  }
  const series = new Map<string, Entry[]>();
  for (const entry of effectiveFigures(entries)) {
    if (entry.kind !== 'CUMULATIVE' || entry.basisStart === null) continue;
    const key = `${entry.group}\u0000${entry.basisStart}`;
    const list = series.get(key);
    if (list) list.push(entry);
    else series.set(key, [entry]);
  }

  const falls = new Map<number, string>();
  for (const list of series.values()) {
    list.sort(inOrder);
    for (let at = 1; at < list.length; at += 1) {
      const entry = list[at]!;
      const earlier = list[at - 1]!;
      if (!entry.row || entry.replacesId !== null || entry.value >= earlier.value) continue;
      const which = earlier.row ? `row ${earlier.row.row} of this file` : `figure ${earlier.id}`;
      falls.set(entry.row.row, runningTotalFallMessage({ value: earlier.value, asOf: formatInstantInZone(earlier.asOf, timeZone), which }));
    }
  }
  if (falls.size === 0) return [...verdicts];
  return verdicts.map((verdict) => {
    const message = falls.get(verdict.row);
    return message === undefined ? verdict : { row: verdict.row, result: 'error', errors: [{ row: verdict.row, field: 'value', message }] };
  });
}

/** As-of, then revision id, rows without an id last in file order. */
function inOrder(a: Entry, b: Entry): number {
  if (a.asOf !== b.asOf) return a.asOf - b.asOf;
  const aWithout = a.id < 0;
  const bWithout = b.id < 0;
  if (aWithout !== bWithout) return aWithout ? 1 : -1;
  return aWithout ? b.id - a.id : a.id - b.id;
}
