// Property-based tests of every input schema (tests/support/fuzz/schemas.ts lists them): junk never
// throws, valid input is accepted and normalised as documented, and a wrong field is refused with
// an error that names it. Seeded (tests/support/fuzz/config.ts), so a failure replays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInput, type FieldError } from '@/lib/validation/field-errors';
import { fuzzParameters } from '../../support/fuzz/config';
import { SCHEMAS } from '../../support/fuzz/schemas';
import { withField } from '../../support/fuzz/with-field';

function expectWellFormed(errors: FieldError[]) {
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(typeof error.field).toBe('string');
    expect(error.message).toMatch(/\S/);
  }
}

const junk = fc.oneof(
  fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }),
  fc.jsonValue(),
  fc.string(),
);

describe.each(SCHEMAS)('$name', ({ schema, valid, invalid, stable }) => {
  const paths = Object.keys(invalid);

  it('returns a result for any junk, whole or in any field, and never throws', () => {
    const anywhere = fc.tuple(valid, fc.constantFrom(...paths), junk).map(([{ raw }, path, value]) => withField(raw, path, value));
    fc.assert(
      fc.property(fc.oneof(junk, anywhere), (input) => {
        const parsed = parseInput(schema, input);
        if (!parsed.ok) expectWellFormed(parsed.errors);
      }),
      fuzzParameters(),
    );
  });

  it('accepts valid input, as a form or as JSON, and gives back the documented values', () => {
    fc.assert(
      fc.property(valid, ({ raw, value }) => {
        expect(parseInput(schema, raw)).toEqual({ ok: true, data: value });
        expect(parseInput(schema, JSON.parse(JSON.stringify(raw)))).toEqual({ ok: true, data: value });
      }),
      fuzzParameters(),
    );
  });

  it.runIf(stable)('parses its own output back to the same value', () => {
    fc.assert(
      fc.property(valid, ({ raw }) => {
        const first = parseInput(schema, raw);
        if (!first.ok) throw new Error(JSON.stringify(first.errors));
        expect(parseInput(schema, JSON.parse(JSON.stringify(first.data)))).toEqual(first);
      }),
      fuzzParameters(),
    );
  });

  it('refuses a wrong value in any field, naming that field', () => {
    const mutated = fc
      .tuple(valid, fc.constantFrom(...paths))
      .chain(([{ raw }, path]) => invalid[path]!.map((bad) => ({ path, bad, input: withField(raw, path, bad) })));
    fc.assert(
      fc.property(mutated, ({ path, input }) => {
        const parsed = parseInput(schema, input);
        expect(parsed.ok).toBe(false);
        if (parsed.ok) return;
        expectWellFormed(parsed.errors);
        expect(parsed.errors.map((error) => error.field)).toContain(path);
      }),
      fuzzParameters(),
    );
  });
});
