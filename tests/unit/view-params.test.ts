import { describe, expect, it } from 'vitest';
import { dayInZone, parseViewParams, type ViewOperation } from '@/lib/view-params';

const kabul: ViewOperation = {
  timeZone: 'Asia/Kabul',
  startsAt: new Date('2021-08-14T00:00:00+04:30'),
  groups: [{ slug: 'all-evacuees' }, { slug: 'us-nationals' }, { slug: 'afghans' }],
};

const parse = (query: string, operation: ViewOperation = kabul) =>
  parseViewParams(new URLSearchParams(query), operation);

describe('parseViewParams', () => {
  it('accepts no parameters: the current view of the default group', () => {
    expect(parse('')).toEqual({ ok: true });
  });

  it('reads a date-only asOf as the last millisecond of that day in the operation’s zone', () => {
    // 23 August 00:00 in Kabul (UTC+04:30) is 22 August 19:30 UTC.
    expect(parse('asOf=2021-08-22')).toEqual({
      ok: true,
      asOf: new Date('2021-08-22T19:29:59.999Z'),
      asOfDate: '2021-08-22',
    });
  });

  it('includes a figure dated at the start of the next day only on the next day', () => {
    const result = parse('asOf=2021-08-22');
    const nextDayFigure = new Date('2021-08-23T00:00:00+04:30');
    expect(result.ok && result.asOf && result.asOf < nextDayFigure).toBe(true);
  });

  it('accepts the start day itself', () => {
    expect(parse('asOf=2021-08-14')).toMatchObject({ ok: true, asOfDate: '2021-08-14' });
  });

  it.each(['2021-08-13', '2021-08-01', '1999-12-31'])('refuses %s, before the start, naming asOf', (day) => {
    expect(parse(`asOf=${day}`)).toEqual({
      ok: false,
      errors: [
        {
          parameter: 'asOf',
          code: 'before_start',
          message: 'asOf is before the operation started on 2021-08-14',
        },
      ],
    });
  });

  it('compares with the start day in the operation’s zone, not in UTC', () => {
    // 13 August 20:00 UTC is already 14 August 00:30 in Kabul.
    const late = { ...kabul, startsAt: new Date('2021-08-13T20:00:00Z') };
    expect(parse('asOf=2021-08-13', late)).toMatchObject({
      ok: false,
      errors: [{ parameter: 'asOf', message: 'asOf is before the operation started on 2021-08-14' }],
    });
  });

  it.each(['not-a-date', '2021-02-30', '2021-8-22', '2021-08-22T00:00:00Z', '22/08/2021', '9999-12-31'])(
    'refuses asOf=%s naming asOf',
    (value) => {
      expect(parse(`asOf=${encodeURIComponent(value)}`)).toEqual({
        ok: false,
        errors: [{ parameter: 'asOf', code: 'invalid_date', message: 'asOf must be a date as YYYY-MM-DD' }],
      });
    },
  );

  it('treats an empty asOf (a cleared date field) as no choice', () => {
    expect(parse('asOf=&group=afghans')).toEqual({ ok: true, group: 'afghans' });
  });

  it('accepts a known group and refuses an unknown one naming group', () => {
    expect(parse('group=us-nationals')).toEqual({ ok: true, group: 'us-nationals' });
    const result = parse('group=nope');
    expect(result).toMatchObject({ ok: false, errors: [{ parameter: 'group', code: 'unknown_group' }] });
    expect(!result.ok && result.errors[0]?.message).toContain('all-evacuees, us-nationals, afghans');
  });

  it('refuses a group that is not even a slug, without echoing it', () => {
    expect(parse(`group=${encodeURIComponent('<script>')}`)).toEqual({
      ok: false,
      errors: [
        { parameter: 'group', code: 'invalid_group', message: 'group must be a group slug such as all-evacuees' },
      ],
    });
  });

  it('reports every bad parameter at once', () => {
    const result = parse('asOf=2021-02-30&group=nope');
    expect(!result.ok && result.errors.map((error) => error.parameter)).toEqual(['asOf', 'group']);
  });

  it('reads the plain object Next.js passes as searchParams, and refuses a repeated parameter', () => {
    expect(parseViewParams({ asOf: '2021-08-22', group: 'afghans', other: 'x' }, kabul)).toMatchObject({
      ok: true,
      asOfDate: '2021-08-22',
      group: 'afghans',
    });
    expect(parseViewParams({ asOf: ['2021-08-20', '2021-08-22'] }, kabul)).toMatchObject({
      ok: false,
      errors: [{ parameter: 'asOf', code: 'repeated' }],
    });
  });

  it('ends a 23-hour day (a DST start) at its own last millisecond', () => {
    const berlin = { timeZone: 'Europe/Berlin', startsAt: new Date('2021-03-01T00:00:00+01:00'), groups: [] };
    // 29 March starts at 00:00 CEST (UTC+2) = 28 March 22:00 UTC.
    expect(parse('asOf=2021-03-28', berlin)).toMatchObject({
      ok: true,
      asOf: new Date('2021-03-28T21:59:59.999Z'),
    });
  });
});

describe('dayInZone', () => {
  it('names the calendar day of an instant where the operation is', () => {
    expect(dayInZone(new Date('2021-08-13T19:30:00Z'), 'Asia/Kabul')).toBe('2021-08-14');
    expect(dayInZone(new Date('2021-08-13T19:29:59Z'), 'Asia/Kabul')).toBe('2021-08-13');
  });
});
