import { describe, expect, it } from 'vitest';
import { figureExportQuery } from '@/lib/csv/export-query';

describe('figureExportQuery', () => {
  it('binds only the filters given, in order', () => {
    const from = new Date('2021-08-13T19:30:00Z');
    const before = new Date('2021-08-22T19:30:00Z');
    const { text, values } = figureExportQuery({ operationId: 7, groupId: 3, asOf: { from, before }, allRevisions: false });
    expect(values).toEqual([7, 3, from, before]);
    expect(text).toContain('f.operation_id = $1');
    expect(text).toContain('f.group_id = $2');
    expect(text).toContain('f.as_of >= $3');
    expect(text).toContain('f.as_of < $4');
    expect(figureExportQuery({ operationId: 7, asOf: {}, allRevisions: false }).values).toEqual([7]);
  });

  it('keeps only current revisions by default, and states every status with revisions=all', () => {
    const current = figureExportQuery({ operationId: 1, asOf: {}, allRevisions: false }).text;
    expect(current).toContain('NOT f.retracted AND NOT EXISTS');
    expect(current).toContain(`'current' AS status`);
    const all = figureExportQuery({ operationId: 1, asOf: {}, allRevisions: true }).text;
    expect(all).not.toContain('NOT f.retracted');
    expect(all).toContain(`THEN 'superseded' WHEN f.retracted THEN 'retracted' ELSE 'current' END AS status`);
  });

  it('orders as the page does: group, as-of, then revision', () => {
    expect(figureExportQuery({ operationId: 1, asOf: {}, allRevisions: true }).text).toMatch(
      /ORDER BY g\.position, g\.id, f\.as_of, f\.id$/,
    );
  });
});
