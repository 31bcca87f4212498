import { describe, expect, it } from 'vitest';
import { FIGURE_CSV_HEADER, FIGURE_CSV_HXL_ROW } from '@/lib/csv/columns';
import { figureCopyStatement, figureCsvPreamble } from '@/lib/csv/export-copy';

describe('figureCopyStatement', () => {
  it('writes the filter into the statement as literals: COPY takes no parameters', () => {
    const from = new Date('2021-08-13T19:30:00Z');
    const before = new Date('2021-08-22T19:30:00.5Z');
    const statement = figureCopyStatement({ operationId: 7, groupId: 3, asOf: { from, before }, allRevisions: false }, 'kabul-2021');
    expect(statement).toMatch(/^COPY \(/);
    expect(statement).toMatch(/\) TO STDOUT WITH \(FORMAT csv\)$/);
    expect(statement).not.toMatch(/\$\d/);
    expect(statement).toContain('f.operation_id = 7');
    expect(statement).toContain('f.group_id = 3');
    expect(statement).toContain(`f.as_of >= '2021-08-13T19:30:00.000Z'::timestamptz`);
    expect(statement).toContain(`f.as_of < '2021-08-22T19:30:00.500Z'::timestamptz`);
    // Sorted first, then formatted: the cells are computed over the sorted subquery.
    expect(statement).toMatch(/ORDER BY g\.position, g\.id, f\.as_of, f\.id\s+OFFSET 0\) x\s+\) TO STDOUT/);
  });

  it('quotes the operation slug as a literal', () => {
    expect(figureCopyStatement({ operationId: 1, asOf: {}, allRevisions: true }, "it's")).toContain(`'it''s'`);
    expect(figureCopyStatement({ operationId: 1, asOf: {}, allRevisions: true }, 'a\\b')).toContain(` E'a\\\\b'`);
  });

  it('refuses a bound value that is neither a whole number nor a date', () => {
    expect(() => figureCopyStatement({ operationId: 1.5, asOf: {}, allRevisions: true }, 'x')).toThrow(/COPY cannot take/);
    expect(() => figureCopyStatement({ operationId: 1, asOf: { from: new Date(Number.NaN) }, allRevisions: true }, 'x')).toThrow(/COPY cannot take/);
  });

  it('selects one cell per column of the file', () => {
    const select = /COPY \(\s*SELECT ([\s\S]*?)\n\s*FROM \(/.exec(figureCopyStatement({ operationId: 1, asOf: {}, allRevisions: true }, 'x'))![1]!;
    expect(select.split(',\n')).toHaveLength(FIGURE_CSV_HEADER.length);
  });
});

describe('figureCsvPreamble', () => {
  it('is the header row, the HXL row on request, the BOM on request, each ending in LF', () => {
    const header = `${FIGURE_CSV_HEADER.join(',')}\n`;
    expect(figureCsvPreamble({ bom: false, hxl: false })).toBe(header);
    expect(figureCsvPreamble({ bom: true, hxl: true })).toBe(`\uFEFF${header}${FIGURE_CSV_HXL_ROW.join(',')}\n`);
  });

  it('holds no cell a CSV writer would quote', () => {
    for (const cell of [...FIGURE_CSV_HEADER, ...FIGURE_CSV_HXL_ROW]) expect(cell).not.toMatch(/[",\r\n]/);
  });
});
