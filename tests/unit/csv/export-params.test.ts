import { describe, expect, it } from 'vitest';
import {
  asOfRange,
  exportFileName,
  parseFigureExportParams,
  unknownGroupError,
} from '@/lib/csv/export-params';

const parse = (query: string) => parseFigureExportParams(new URLSearchParams(query));

function errorsOf(query: string) {
  const result = parse(query);
  if (result.ok) throw new Error(`expected ${query} to be refused`);
  return result.errors;
}

describe('parseFigureExportParams', () => {
  it('defaults to current revisions, no BOM, no HXL row, no filters', () => {
    expect(parse('')).toEqual({
      ok: true,
      params: { revisions: 'current', excel: false, hxl: false },
    });
  });

  it('reads every parameter', () => {
    const result = parse('group=us-nationals&from=2021-08-14&to=2021-08-31&asOf=2021-08-22&revisions=all&excel=1&hxl=true');
    expect(result).toEqual({
      ok: true,
      params: {
        group: 'us-nationals',
        from: '2021-08-14',
        to: '2021-08-31',
        asOf: '2021-08-22',
        revisions: 'all',
        excel: true,
        hxl: true,
      },
    });
  });

  it('accepts 0/1/true/false in any case for the flags, and treats an empty value as absent', () => {
    expect(parse('excel=TRUE&hxl=0')).toMatchObject({ ok: true, params: { excel: true, hxl: false } });
    expect(parse('excel=false&hxl=1')).toMatchObject({ ok: true, params: { excel: false, hxl: true } });
    expect(parse('asOf=&group=&hxl=')).toEqual(parse(''));
  });

  it('ignores parameters it does not know', () => {
    expect(parse('utm_source=newsletter&_=123')).toEqual(parse(''));
  });

  it.each([
    ['from=2021-8-1', 'from', 'from must be a date as YYYY-MM-DD, e.g. 2021-08-22'],
    ['to=yesterday', 'to', 'to must be a date as YYYY-MM-DD, e.g. 2021-08-22'],
    ['asOf=2021-02-30', 'asOf', 'asOf must be a date as YYYY-MM-DD, e.g. 2021-08-22'],
    ['asOf=0999-12-31', 'asOf', 'asOf must be between 1000-01-01 and 9998-12-31'],
    ['group=US%20nationals', 'group', 'group must be a group slug such as all-evacuees'],
    ['revisions=superseded', 'revisions', 'revisions must be current or all'],
    ['excel=yes', 'excel', 'excel must be 0, 1, true or false'],
    ['hxl=2', 'hxl', 'hxl must be 0, 1, true or false'],
    ['from=2021-08-25&to=2021-08-20', 'from', 'from must be on or before to'],
    ['asOf=2021-08-22&asOf=2021-08-23', 'asOf', 'asOf must be given once'],
  ])('refuses %s, naming %s', (query, parameter, message) => {
    expect(errorsOf(query)).toEqual([{ parameter, message }]);
  });

  it('reports every bad parameter at once, and a malformed date without an order error', () => {
    expect(errorsOf('from=2021-08-25&to=nope&hxl=maybe').map((error) => error.parameter)).toEqual([
      'to',
      'hxl',
    ]);
  });

  it('accepts from equal to to: a single day', () => {
    expect(parse('from=2021-08-22&to=2021-08-22').ok).toBe(true);
  });
});

describe('asOfRange', () => {
  const params = (query: string) => {
    const result = parse(query);
    if (!result.ok) throw new Error('bad test input');
    return result.params;
  };

  it('runs from the start of `from` to the end of `to`, in the operation time zone', () => {
    expect(asOfRange(params('from=2021-08-14&to=2021-08-22'), 'Asia/Kabul')).toEqual({
      from: new Date('2021-08-14T00:00:00+04:30'),
      before: new Date('2021-08-23T00:00:00+04:30'),
    });
  });

  it('ends at the end of the asOf day, or of `to` when that is earlier', () => {
    expect(asOfRange(params('asOf=2021-08-22'), 'Asia/Kabul')).toEqual({
      from: undefined,
      before: new Date('2021-08-23T00:00:00+04:30'),
    });
    expect(asOfRange(params('asOf=2021-08-22&to=2021-08-20'), 'Asia/Kabul').before).toEqual(
      new Date('2021-08-21T00:00:00+04:30'),
    );
  });

  it('is open at both ends without dates', () => {
    expect(asOfRange(params(''), 'Asia/Kabul')).toEqual({ from: undefined, before: undefined });
  });
});

describe('file names and group errors', () => {
  it('names the operation and the as-of date, or latest, and the group when there is one', () => {
    const withAsOf = parse('asOf=2021-08-22');
    const latest = parse('group=us-nationals');
    if (!withAsOf.ok || !latest.ok) throw new Error('bad test input');
    expect(exportFileName('kabul-2021', withAsOf.params)).toBe('kabul-2021-figures-asof-2021-08-22.csv');
    expect(exportFileName('kabul-2021', latest.params)).toBe('kabul-2021-us-nationals-figures-latest.csv');
  });

  it('lists the groups an unknown group could have been', () => {
    expect(unknownGroupError('martians', ['all-evacuees', 'us-nationals'])).toEqual({
      parameter: 'group',
      message: 'group "martians" is not a group of this operation (all-evacuees, us-nationals)',
    });
  });
});
