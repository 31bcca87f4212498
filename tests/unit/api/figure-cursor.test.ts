// The figure list's cursor: it round-trips, and anything but the cursor as given (for the same
// filters, signed with the same secret) is refused.
import { describe, expect, it } from 'vitest';
import { cursorKey, decodeCursor, encodeCursor } from '@/lib/api/figure-cursor';
import { parseFigureListParams } from '@/lib/api/figure-list-params';

const key = cursorKey('a-secret-of-at-least-thirty-two-characters');
const filters = { group: 'afghans', revisions: 'all' };
const position = { asOf: new Date('2021-08-22T19:30:00.000Z'), id: 42 };

describe('the figure cursor', () => {
  it('gives back the position it was made from', () => {
    expect(decodeCursor(encodeCursor(position, filters, key), filters, key)).toEqual({ ok: true, position });
  });

  it('refuses a cursor made with another key, altered, truncated or for other filters', () => {
    const cursor = encodeCursor(position, filters, key);
    const other = cursorKey('another-secret-of-at-least-thirty-two-chars');
    expect(decodeCursor(cursor, filters, other)).toMatchObject({ ok: false, message: expect.stringContaining('not one this API gave out') });
    expect(decodeCursor(`A${cursor}`, filters, key).ok).toBe(false);
    expect(decodeCursor(cursor.slice(0, -1), filters, key).ok).toBe(false);
    expect(decodeCursor('', filters, key).ok).toBe(false);
    expect(decodeCursor(cursor, { ...filters, group: 'us-nationals' }, key)).toMatchObject({
      ok: false,
      message: expect.stringContaining('other filters'),
    });
  });

  it('is read with the list’s other parameters, and a bad one is named', () => {
    const cursor = encodeCursor(position, { revisions: 'current' }, key);
    const parsed = parseFigureListParams(new URLSearchParams({ cursor, limit: '5' }), key);
    expect(parsed).toEqual({ ok: true, params: { filters: { revisions: 'current' }, limit: 5, after: position } });
    expect(parseFigureListParams(new URLSearchParams({ cursor, revisions: 'all' }), key)).toMatchObject({
      ok: false,
      errors: [{ parameter: 'cursor' }],
    });
    expect(parseFigureListParams(new URLSearchParams('limit=1000'), key)).toMatchObject({ ok: true, params: { limit: 1000 } });
    expect(parseFigureListParams(new URLSearchParams('limit=1.5&sort=asc'), key)).toMatchObject({
      ok: false,
      errors: [{ parameter: 'sort' }],
    });
  });
});
