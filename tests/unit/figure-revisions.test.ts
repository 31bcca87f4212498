import { describe, expect, it } from 'vitest';
import { effectiveFigures, revisionHistory, type FigureRevision } from '@/lib/figure-revisions';

interface Row extends FigureRevision {
  value: number;
}

const row = (id: number, value: number, replacesId: number | null = null, retracted = false) =>
  ({ id, value, replacesId, retracted }) satisfies Row;

// 1: 25,100 as first reported; 2 corrects it to 25,300; 3 stands alone; 4 retracts 3;
// 5: an unrelated figure never revised.
const rows: Row[] = [
  row(1, 25_100),
  row(2, 25_300, 1),
  row(3, 18_000),
  row(4, 18_000, 3, true),
  row(5, 7_000),
];

const summary = (history: ReturnType<typeof revisionHistory<Row>>) =>
  history.map(({ revision, status }) => `${revision.id}:${status}`);

describe('effectiveFigures', () => {
  it('keeps the latest correction, drops retracted figures and retraction markers', () => {
    expect(effectiveFigures(rows).map((r) => r.id)).toEqual([2, 5]);
  });

  it('keeps the other fields of each row untouched', () => {
    expect(effectiveFigures(rows)[0]).toBe(rows[1]);
    expect(effectiveFigures(rows)[0]?.value).toBe(25_300);
  });

  it('returns a correction of a retraction: the figure is back in force', () => {
    expect(effectiveFigures([...rows, row(6, 18_500, 4)]).map((r) => r.id)).toEqual([2, 5, 6]);
  });

  it('keeps a correction whose original is not among the rows', () => {
    expect(effectiveFigures([row(9, 100, 42)]).map((r) => r.id)).toEqual([9]);
  });

  it('lets no row take itself out of force', () => {
    expect(effectiveFigures([row(7, 100, 7)]).map((r) => r.id)).toEqual([7]);
  });

  it('keeps nothing from a replacement cycle (which the database forbids)', () => {
    expect(effectiveFigures([row(1, 10, 2), row(2, 20, 1)])).toEqual([]);
  });
});

describe('revisionHistory', () => {
  it('lists a corrected figure oldest to newest, whichever revision is asked for', () => {
    expect(summary(revisionHistory(rows, 1))).toEqual(['1:superseded', '2:current']);
    expect(summary(revisionHistory(rows, 2))).toEqual(['1:superseded', '2:current']);
  });

  it('ends a withdrawn figure with its retraction marker', () => {
    expect(summary(revisionHistory(rows, 3))).toEqual(['3:superseded', '4:retracted']);
  });

  it('shows a retraction that was itself corrected as superseded', () => {
    expect(summary(revisionHistory([...rows, row(6, 18_500, 4)], 4))).toEqual([
      '3:superseded',
      '4:superseded',
      '6:current',
    ]);
  });

  it('gives a never-revised figure a one-entry history, and an unknown id none', () => {
    expect(summary(revisionHistory(rows, 5))).toEqual(['5:current']);
    expect(revisionHistory(rows, 99)).toEqual([]);
  });

  it('does not depend on the order of the rows', () => {
    const chain = [row(12, 3, 11), row(10, 1), row(11, 2, 10)];
    expect(summary(revisionHistory(chain, 11))).toEqual([
      '10:superseded',
      '11:superseded',
      '12:current',
    ]);
  });

  it('starts at the oldest row present when the chain names a missing row', () => {
    expect(summary(revisionHistory([row(9, 100, 42), row(10, 110, 9)], 10))).toEqual([
      '9:superseded',
      '10:current',
    ]);
  });

  it('terminates on a cycle, listing each row once', () => {
    const cycle = [row(1, 10, 3), row(2, 20, 1), row(3, 30, 2)];
    const history = revisionHistory(cycle, 1);
    expect(history.map((entry) => entry.revision.id).sort()).toEqual([1, 2, 3]);
    expect(history.every((entry) => entry.status === 'superseded')).toBe(true);
  });

  it('follows the first-written of two rival corrections (which the database forbids)', () => {
    const rivals = [row(1, 10), row(3, 30, 1), row(2, 20, 1)];
    expect(summary(revisionHistory(rivals, 1))).toEqual(['1:superseded', '2:current']);
  });
});
