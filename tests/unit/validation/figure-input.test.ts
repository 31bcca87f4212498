// The figure schemas: what an editor types, and the sentence they get back when it is wrong.
import { describe, expect, it } from 'vitest';
import { figureCorrectionSchema, figureInputSchema } from '@/lib/validation/figure-input';
import { formDataToInput, parseInput } from '@/lib/validation/field-errors';

const source = { publisher: 'White House', title: 'Briefing on the airlift', url: 'https://www.whitehouse.gov/briefing' };
const valid = {
  group: 'all-evacuees',
  value: '25,100',
  kind: 'cumulative',
  basisStart: '2021-08-14',
  asOf: '2021-08-22T06:00',
  source,
};

const errorsOf = (input: unknown) => {
  const parsed = parseInput(figureInputSchema, input);
  return parsed.ok ? [] : parsed.errors;
};

describe('figureInputSchema', () => {
  it('reads a form’s text into numbers, flags and trimmed text', () => {
    const parsed = parseInput(figureInputSchema, { ...valid, provisional: 'on', source: { ...source, quote: '  ' } });
    expect(parsed).toEqual({
      ok: true,
      data: {
        group: 'all-evacuees',
        value: 25_100,
        kind: 'cumulative',
        basisStart: '2021-08-14',
        asOf: '2021-08-22T06:00',
        provisional: true,
        source: { ...source, quote: undefined },
      },
    });
  });

  it.each([
    ['-5', 'value', 'must be a whole number from 0 to 1,000,000,000'],
    ['12.5', 'value', 'must be a whole number from 0 to 1,000,000,000'],
    ['1000000001', 'value', 'must be a whole number from 0 to 1,000,000,000'],
    ['twelve', 'value', 'must be a whole number from 0 to 1,000,000,000'],
    ['', 'value', 'is required'],
  ])('refuses the value %j naming the field', (value, field, message) => {
    expect(errorsOf({ ...valid, value })).toEqual([{ field, message }]);
  });

  it('refuses a figure without a source', () => {
    expect(errorsOf({ ...valid, source: undefined })).toEqual([{ field: 'source', message: 'is required: who published this, and where' }]);
  });

  it('refuses a source without publisher or title', () => {
    expect(errorsOf({ ...valid, source: { url: 'https://example.org' } })).toEqual([
      { field: 'source.publisher', message: 'is required' },
      { field: 'source.title', message: 'is required' },
    ]);
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.org/x', 'example.org'])(
    'refuses the link %j: only web addresses',
    (url) => {
      expect(errorsOf({ ...valid, source: { ...source, url } })).toEqual([
        { field: 'source.url', message: 'must be a web address starting with http:// or https://' },
      ]);
    },
  );

  it('caps text fields: 100 KB of text in a title is refused', () => {
    expect(errorsOf({ ...valid, source: { ...source, title: 'x'.repeat(100_000) } })).toEqual([
      { field: 'source.title', message: 'must be at most 500 characters' },
    ]);
  });

  it.each(['2021-02-30', '22/08/2021', '2021-08-22T25:00', 'yesterday'])('refuses the as-of %j', (asOf) => {
    expect(errorsOf({ ...valid, asOf })).toEqual([
      { field: 'asOf', message: 'must be a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)' },
    ]);
  });

  it('asks for the basis of a cumulative figure and the window of a count in a window', () => {
    expect(errorsOf({ ...valid, basisStart: undefined })).toEqual([
      { field: 'basisStart', message: 'is required for a cumulative figure: since when is it counted?' },
    ]);
    expect(errorsOf({ ...valid, kind: 'window', basisStart: undefined })).toEqual([
      { field: 'windowStart', message: 'is required for a count in a window' },
      { field: 'windowEnd', message: 'is required for a count in a window' },
    ]);
  });

  it('refuses an unknown kind, listing the kinds', () => {
    expect(errorsOf({ ...valid, kind: 'estimate' })).toEqual([{ field: 'kind', message: 'must be one of: cumulative, window' }]);
  });
});

describe('figureCorrectionSchema', () => {
  it('needs a reason, and a value unless it is a retraction', () => {
    const parsed = parseInput(figureCorrectionSchema, { replaces: '7', action: 'correct', source });
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      { field: 'reason', message: 'is required' },
      { field: 'value', message: 'is required: what is the corrected number?' },
    ]);
    expect(parseInput(figureCorrectionSchema, { replaces: 7, action: 'retract', reason: 'Double counted', source }).ok).toBe(true);
  });
});

describe('formDataToInput', () => {
  it('nests dotted names and leaves out Next.js’s own fields and prototype keys', () => {
    const form = new FormData();
    form.set('$ACTION_ID_abc', '');
    form.set('value', '10');
    form.set('source.publisher', 'AFP');
    form.set('source.__proto__', 'x');
    form.set('__proto__.polluted', 'yes');
    const input = formDataToInput(form);
    expect(input).toEqual({ value: '10', source: { publisher: 'AFP' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads anything other than a form, as a Server Action may be called with, as an empty form', () => {
    for (const junk of [undefined, null, 'value=10', { value: '10' }, ['value', '10']]) {
      expect(formDataToInput(junk as unknown as FormData)).toEqual({});
    }
  });
});
