// The rows of a file against each other and against what is stored: duplicates, rows already
// present (a second import adds nothing), revision chains and the status column.
import { describe, expect, it } from 'vitest';
import { formatRowError, type ImportContext, type RowVerdict } from '@/lib/csv/import/types';
import { insertionOrder, planImport, type StoredRevision, type StoredState } from '@/lib/csv/import/plan-rows';
import { contentKey } from '@/lib/csv/import/figure-content';
import { readImportFile } from '@/lib/csv/import/read-import-file';
import { bytesOf, figureCsv, type CsvRow } from '../../support/figure-csv';
import { resolveInstant } from '@/lib/validation/zoned-instant';

const kabul: ImportContext = { operation: 'kabul-2021', timeZone: 'Asia/Kabul', groups: ['all-evacuees', 'us-nationals', 'afghans'] };
const nothingStored: StoredState = { byId: new Map(), idByContent: new Map() };

function read(rows: CsvRow[]) {
  const reading = readImportFile(bytesOf(figureCsv(rows)), kabul);
  if (!reading.ok) throw new Error(JSON.stringify(reading.refusals));
  return reading.rows;
}

const plan = (rows: CsvRow[], stored = nothingStored) => planImport(read(rows), stored, 'kabul-2021');

function summary(verdicts: RowVerdict[]): string[] {
  return verdicts.map((verdict) =>
    verdict.result === 'error' ? verdict.errors.map(formatRowError).join(' | ') : `row ${verdict.row}: ${verdict.result}`,
  );
}

/** A stored revision with the content of `row` (as the file would carry it). */
function stored(row: CsvRow, extra: Partial<StoredRevision> = {}): StoredRevision {
  const [reading] = read([row]);
  if (!reading?.ok) throw new Error('setup');
  const id = reading.value.revisionId ?? 1;
  return { id, operation: 'kabul-2021', replacedBy: null, figure: { ...reading.value.figure, retracted: reading.value.figure.retracted ?? false }, ...extra };
}

const storedState = (...revisions: StoredRevision[]): StoredState => ({
  byId: new Map(revisions.map((revision) => [revision.id, revision])),
  idByContent: new Map(revisions.map((revision) => [contentKey(revision.figure), revision.id])),
});

describe('duplicated rows within the file', () => {
  it('refuses a revision id given twice', () => {
    expect(summary(plan([{ revision_id: '7' }, { revision_id: '7', value: '27000' }]))).toEqual([
      'row 2: new',
      'row 3: revision_id: revision 7 is also on row 2: a revision can be imported once',
    ]);
  });

  it('refuses the same figure twice in a hand-made file (no revision ids)', () => {
    expect(summary(plan([{}, { value: '27000' }, {}]))).toEqual([
      'row 2: new',
      'row 3: new',
      'row 4: duplicates row 2: the same figure with the same source',
    ]);
  });

  it('accepts two revisions with the same content: a figure published twice', () => {
    expect(summary(plan([{ revision_id: '7' }, { revision_id: '8' }]))).toEqual(['row 2: new', 'row 3: new']);
  });
});

describe('rows already stored', () => {
  it('skips a revision stored with the same content, as "present"', () => {
    expect(plan([{ revision_id: '7' }], storedState(stored({ revision_id: '7' })))).toEqual([
      { row: 2, result: 'present', revisionId: 7 },
    ]);
  });

  it('refuses a revision id stored with other content, naming the columns', () => {
    const state = storedState(stored({ revision_id: '7', value: '25100', source_title: 'Another title' }));
    expect(summary(plan([{ revision_id: '7' }], state))).toEqual([
      'row 2: revision_id: revision 7 is already stored with other content (value, source_title): a stored figure is never overwritten; correct it on the site instead, or leave this row out',
    ]);
  });

  it('refuses a revision id that belongs to another operation', () => {
    const state = storedState(stored({ revision_id: '7' }, { operation: 'herat-2021' }));
    expect(summary(plan([{ revision_id: '7' }], state))).toEqual(['row 2: revision_id: revision 7 is already stored as a figure of herat-2021']);
  });

  it('recognises a hand-made row by its content', () => {
    expect(plan([{}], storedState(stored({}, { id: 3 })))).toEqual([{ row: 2, result: 'present', revisionId: 3 }]);
  });

  it('compares the retraction flag only where the status says it', () => {
    const marker = stored({ revision_id: '8', replaces_revision_id: '7', correction_reason: 'Withdrawn', status: 'retracted' });
    const state = storedState(stored({ revision_id: '7' }, { replacedBy: 8 }), marker);
    expect(plan([{ revision_id: '8', replaces_revision_id: '7', correction_reason: 'Withdrawn', status: 'retracted' }], state)[0]).toMatchObject({ result: 'present' });
    expect(summary(plan([{ revision_id: '8', replaces_revision_id: '7', correction_reason: 'Withdrawn', status: 'current' }], state))[0]).toMatch(/other content \(status\)/);
  });
});

describe('revision chains', () => {
  it('accepts a chain carried whole by the file, in any order', () => {
    expect(summary(plan([
      { revision_id: '9', replaces_revision_id: '8', correction_reason: 'Recount', status: 'current' },
      { revision_id: '7', status: 'superseded' },
      { revision_id: '8', replaces_revision_id: '7', correction_reason: 'Typo', status: 'superseded' },
    ]))).toEqual(['row 2: new', 'row 3: new', 'row 4: new']);
  });

  it('refuses a correction of a revision neither in the file nor stored', () => {
    expect(summary(plan([{ revision_id: '9', replaces_revision_id: '8', correction_reason: 'Recount' }]))).toEqual([
      'row 2: replaces_revision_id: revision 8 is neither in this file nor stored: import a file exported with revisions=all, which carries the whole history',
    ]);
  });

  it('accepts a correction of a stored revision, and refuses one of a revision already corrected', () => {
    const correction = { revision_id: '9', replaces_revision_id: '7', correction_reason: 'Recount' };
    expect(summary(plan([correction], storedState(stored({ revision_id: '7' }))))).toEqual(['row 2: new']);
    expect(summary(plan([correction], storedState(stored({ revision_id: '7' }, { replacedBy: 8 }))))).toEqual([
      'row 2: replaces_revision_id: revision 7 is already replaced by revision 8',
    ]);
  });

  it('refuses two rows replacing the same revision, and a correction that changes the group', () => {
    expect(summary(plan([
      { revision_id: '7' },
      { revision_id: '8', replaces_revision_id: '7', correction_reason: 'A' },
      { revision_id: '9', replaces_revision_id: '7', correction_reason: 'B' },
      { revision_id: '10', replaces_revision_id: '8', correction_reason: 'C', group: 'afghans' },
    ]))).toEqual([
      'row 2: new',
      'row 3: new',
      'row 4: replaces_revision_id: revision 7 is also replaced by row 3: a revision is replaced once',
      'row 5: replaces_revision_id: revision 8 (row 3) is a figure of all-evacuees: a correction keeps the group',
    ]);
  });

  it('refuses revisions that replace each other in a loop', () => {
    expect(summary(plan([
      { revision_id: '7', replaces_revision_id: '8', correction_reason: 'A' },
      { revision_id: '8', replaces_revision_id: '7', correction_reason: 'B' },
    ]))).toEqual([
      'row 2: replaces_revision_id: revisions 7, 8 replace each other in a loop: one of them must be the first',
      'row 3: replaces_revision_id: revisions 7, 8 replace each other in a loop: one of them must be the first',
    ]);
  });

  it('checks the status column against the chain', () => {
    expect(summary(plan([
      { revision_id: '7', status: 'current' },
      { revision_id: '8', replaces_revision_id: '7', correction_reason: 'A' },
      { revision_id: '9', status: 'superseded' },
      { status: 'superseded', value: '1' },
    ]))).toEqual([
      'row 2: status: is current, but row 3 replaces revision 7: it would be superseded',
      'row 3: new',
      'row 4: status: is superseded, but no row of the file replaces revision 9: leave the status blank or add the correction',
      'row 5: status: superseded needs the revision_id that a later row replaces',
    ]);
  });
});

describe('insertionOrder', () => {
  it('puts each revision before the rows that replace it, file order otherwise', () => {
    const rows = read([
      { revision_id: '9', replaces_revision_id: '8', correction_reason: 'B' },
      { revision_id: '5' },
      { revision_id: '8', replaces_revision_id: '7', correction_reason: 'A' },
      { revision_id: '7' },
      { revision_id: '10', replaces_revision_id: '3', correction_reason: 'stored elsewhere' },
    ]).flatMap((row) => (row.ok ? [row.value] : []));
    expect(insertionOrder(rows).map((row) => row.revisionId)).toEqual([5, 7, 10, 8, 9]);
  });
});

describe('resolveInstant', () => {
  it('keeps milliseconds, as the export writes them', () => {
    expect(resolveInstant('2021-08-22T09:15:30.250+04:30', 'Asia/Kabul').toISOString()).toBe('2021-08-22T04:45:30.250Z');
    expect(resolveInstant('2021-08-22T09:15:30.5Z', 'Asia/Kabul').toISOString()).toBe('2021-08-22T09:15:30.500Z');
    expect(resolveInstant('2021-08-22T09:15:30.25', 'Asia/Kabul').toISOString()).toBe('2021-08-22T04:45:30.250Z');
  });
});
