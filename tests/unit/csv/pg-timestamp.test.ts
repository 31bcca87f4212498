import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { exportTypeParsers, parseUtcTimestamptz } from '@/lib/csv/pg-timestamp';

const pgParse = pg.types.getTypeParser(1184, 'text') as (text: string) => Date;

describe('parseUtcTimestamptz', () => {
  it.each([
    '2021-08-21 19:30:00+00',
    '2021-08-21 19:30:00.5+00',
    '2021-08-21 19:30:00.123+00',
    '2021-08-21 19:30:00.123456+00',
    '1969-12-31 23:59:59.999+00',
    '0999-01-01 00:00:00+00',
    '0050-01-01 00:00:00+00',
    '2021-08-21 19:30:00.12+00',
  ])('reads %s as pg does', (text) => {
    expect(parseUtcTimestamptz(text)).toBe(pgParse(text).getTime());
  });

  it.each(['2021-08-22 00:00:00+04:30', '0044-03-15 12:00:00+00 BC', 'infinity'])(
    'leaves other forms to pg: %s',
    (text) => {
      const expected = pgParse(text) as Date | number;
      expect(parseUtcTimestamptz(text)).toBe(typeof expected === 'number' ? expected : expected.getTime());
    },
  );

  it('is used for timestamptz only', () => {
    expect(exportTypeParsers.getTypeParser(1184)).toBe(parseUtcTimestamptz);
    expect(exportTypeParsers.getTypeParser(23)).toBe(pg.types.getTypeParser(23));
  });
});
