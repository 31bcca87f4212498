// Property-based tests of the public API's query parameters (the page's view and the CSV export's):
// any query string gets an answer, never an exception; a refusal names known parameters only; a
// valid view resolves to a real instant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_PARAMETERS, parseFigureExportParams } from '@/lib/csv/export-params';
import { parseViewParams } from '@/lib/view-params';
import { fuzzParameters } from '../../support/fuzz/config';
import { typedInstant } from '../../support/fuzz/dates';

const kabul = { timeZone: 'Asia/Kabul', startsAt: new Date('2021-08-13T19:30:00Z'), groups: [{ slug: 'all-evacuees' }, { slug: 'us-nationals' }] };
const NAMES = [...EXPORT_PARAMETERS, 'asof', 'Group', '__proto__', 'constructor', ''];

const value = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  typedInstant.map((typed) => typed.text),
  fc.constantFrom('', '0', '1', 'true', 'all', 'current', 'all-evacuees', '9999-12-31', '0000-01-01', '1000-01-01', '9998-12-31', '%00', '\u0000'),
);
const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 6 })), value), { maxLength: 8 })
  .map((pairs) => new URLSearchParams(pairs));

describe('query parameters', () => {
  it('the CSV export answers any query with its parameters or errors naming them', () => {
    fc.assert(
      fc.property(query, (search) => {
        const parsed = parseFigureExportParams(search);
        if (parsed.ok) return;
        expect(parsed.errors.length).toBeGreaterThan(0);
        for (const error of parsed.errors) expect(EXPORT_PARAMETERS).toContain(error.parameter);
      }),
      fuzzParameters(),
    );
  });

  it('the view answers any query with a real instant or errors naming asOf or group', () => {
    fc.assert(
      fc.property(query, (search) => {
        const parsed = parseViewParams(search, kabul);
        if (!parsed.ok) {
          for (const error of parsed.errors) expect(['asOf', 'group']).toContain(error.parameter);
          return;
        }
        if (parsed.asOf) expect(Number.isFinite(parsed.asOf.getTime())).toBe(true);
      }),
      fuzzParameters(),
    );
  });
});
