// The running-total rule on an import's new rows, without a database: the order it takes rows in
// (as-of, then revision id, rows without one last), and which rows count.
import { describe, expect, it } from 'vitest';
import { checkRunningTotals, type StoredTotal } from '@/lib/csv/import/running-totals';
import type { ImportedFigure, RowVerdict } from '@/lib/csv/import/types';

const BASIS = Date.parse('2021-08-13T19:30:00Z');
const day = (n: number) => Date.parse(`2021-08-${String(n).padStart(2, '0')}T19:30:00Z`);

function newRow(row: number, revisionId: number | null, value: number, asOf: number, extra: Partial<ImportedFigure> = {}): RowVerdict {
  const figure: ImportedFigure = {
    group: 'all-evacuees', value, kind: 'CUMULATIVE', basisStart: BASIS, windowStart: null, windowEnd: null, asOf, provisional: false,
    source: { publisher: 'Desk', via: null, title: 'T', url: null, quote: null, publishedAt: null },
    replacesId: null, correctionReason: null, retracted: false, ...extra,
  };
  return { row, result: 'new', value: { row, revisionId, status: null, figure, asOfText: '' } };
}

const stored: StoredTotal[] = [{ id: 7, group: 'all-evacuees', basisStart: BASIS, asOf: day(22), value: 25_100 }];
/** 'ok', or the total a row falls below: 'below 25,100'. */
const errorsOf = (verdicts: RowVerdict[]) =>
  verdicts.map((verdict) => (verdict.result === 'error' ? `below ${/^is lower than the latest figure on this basis \(([\d,]+) as of/.exec(verdict.errors[0]!.message)?.[1]}` : 'ok'));

describe('checkRunningTotals', () => {
  it('compares each new figure with the latest in force before it, stored or in the file', () => {
    const verdicts = checkRunningTotals([newRow(2, 20, 26_000, day(24)), newRow(3, 21, 25_000, day(23)), newRow(4, null, 26_500, day(25))], stored, 'Asia/Kabul');
    expect(errorsOf(verdicts)).toEqual(['ok', 'below 25,100', 'ok']);
    expect(verdicts[1]).toMatchObject({ result: 'error', errors: [{ row: 3, field: 'value', message: expect.stringContaining('(25,100 as of 2021-08-23T00:00:00+04:30, figure 7)') }] });
  });

  it('takes rows of one instant by revision id, and a row without one after them, in file order', () => {
    const sameDay = [newRow(2, null, 30_000, day(24)), newRow(3, 31, 29_000, day(24)), newRow(4, 30, 28_000, day(24)), newRow(5, null, 29_500, day(24))];
    expect(errorsOf(checkRunningTotals(sameDay, stored, 'Asia/Kabul'))).toEqual([
      'ok',
      'ok',
      'ok',
      'below 30,000',
    ]);
  });

  it('leaves corrections, other groups and bases, and values taken out of force alone', () => {
    const verdicts = checkRunningTotals(
      [
        newRow(2, 40, 100, day(24), { replacesId: 7, correctionReason: 'Recount' }),
        newRow(3, 41, 100, day(24), { group: 'afghans' }),
        newRow(4, 42, 100, day(24), { basisStart: day(20) }),
        newRow(5, 43, 10, day(25), { retracted: null }),
        newRow(6, 44, 20_000, day(25), { replacesId: 43, correctionReason: 'Typo' }),
      ],
      stored,
      'Asia/Kabul',
    );
    expect(errorsOf(verdicts)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
  });
});
