// Generators for each kind of field the schemas in lib/validation/ read: values the schema must
// accept, each with what it must turn them into (`raw` as a form or client sends it, `value` as
// the schema gives it back), and values it must refuse.
import fc from 'fast-check';
import { padding, trimmedText } from './text';

export interface Field<T = unknown> {
  raw: unknown;
  value: T;
}

const same = <T>(value: T): Field<T> => ({ raw: value, value });
const padded = (text: fc.Arbitrary<string>): fc.Arbitrary<Field<string>> =>
  fc.tuple(padding, text, padding).map(([before, value, after]) => ({ raw: `${before}${value}${after}`, value }));
/** Absent, or blank as a form sends an empty field: all read as "not given". */
const notGiven = fc.constantFrom<Field<undefined>>(same(undefined), { raw: '', value: undefined }, { raw: '  ', value: undefined });

export const MAX_COUNT = 1_000_000_000;
const MAX_ROW_ID = 2_147_483_647;

/** Junk of the wrong type for any field: numbers, booleans, null, arrays, objects. */
export const wrongType = fc.oneof(
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }),
);

/** Text that PostgreSQL cannot store as sent: a NUL, or half of a surrogate pair. */
export const unstorableText = fc
  .tuple(trimmedText(10), fc.constantFrom('\u0000', '\uD800', '\uDFFF', 'a\uDC00b'), trimmedText(10))
  .map(([before, bad, after]) => `${before}${bad}${after}`);

export const requiredText = (max: number): fc.Arbitrary<Field<string>> => {
  const longest = `x${'y'.repeat(max - 2)}z`;
  // Now and then exactly as long as allowed.
  return fc.oneof({ weight: 9, arbitrary: padded(trimmedText(Math.min(max, 60))) }, { weight: 1, arbitrary: fc.constant(same(longest)) });
};
export const optionalText = (max: number) => fc.oneof(requiredText(max), notGiven);
export const invalidText = (max: number) =>
  fc.oneof(fc.integer(), wrongType, unstorableText, trimmedText(20).map((text) => `${text}${'w'.repeat(max)}`.slice(0, max + 20)));
export const invalidRequiredText = (max: number) => fc.oneof(invalidText(max), fc.constantFrom(undefined, '', ' \t\n'));

/** Whole numbers of people, as JSON numbers or as typed: "25,100", "25 100", " 7 ". */
export const count: fc.Arbitrary<Field<number>> = fc.integer({ min: 0, max: MAX_COUNT }).chain((value) =>
  fc.constantFrom<Field<number>>(
    same(value),
    { raw: String(value), value },
    { raw: value.toLocaleString('en'), value },
    { raw: ` ${value.toLocaleString('fr').replace(/\s/g, ' ')} `, value },
    { raw: value.toLocaleString('en').replace(/,/g, '_'), value },
  ),
);
export const optionalCount = fc.oneof(count, notGiven);
export const invalidCount = fc.oneof(
  fc.integer({ max: -1 }),
  fc.integer({ min: MAX_COUNT + 1 }),
  fc.double({ noNaN: true, min: 0.001, max: 1e6 }).filter((value) => !Number.isInteger(value)),
  fc.integer({ min: -1e6, max: -1 }).map(String),
  fc.constantFrom('1,5', '12.5', '1e3', '0x10', 'NaN', 'Infinity', '25,10', '1,0000', '2 5', 'twelve', '12 people'),
  wrongType,
);

export const slug = padded(fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,3}$/));
export const invalidSlug = fc.oneof(
  fc.constantFrom('US-nationals', 'all evacuees', '-all', 'all-', 'all--evacuees', 'all_evacuees', 'x'.repeat(81), 'é'),
  fc.stringMatching(/^[a-z]{1,5}[A-Z ._~/%][a-z]{1,5}$/),
  fc.integer(),
  wrongType,
);

export const choice = <T extends string>(values: readonly T[]) => padded(fc.constantFrom(...values));
export const invalidChoice = (values: readonly string[]) =>
  fc.oneof(trimmedText(12).filter((text) => !values.includes(text)), fc.integer(), wrongType);

export const flag: fc.Arbitrary<Field<boolean>> = fc.constantFrom(
  same(true), same(false), { raw: 'on', value: true }, { raw: 'true', value: true },
  { raw: 'false', value: false }, { raw: '', value: false }, { raw: undefined, value: false },
);
export const invalidFlag = fc.oneof(fc.constantFrom('yes', 'no', 'TRUE', '1', '0', 'off', 1, 0), fc.constant(null), fc.array(fc.boolean()));

export const rowId: fc.Arbitrary<Field<number>> = fc
  .integer({ min: 1, max: MAX_ROW_ID })
  .chain((value) => fc.constantFrom<Field<number>>(same(value), { raw: String(value), value }, { raw: ` ${value} `, value }));
export const invalidRowId = fc.oneof(
  fc.constantFrom(0, -1, MAX_ROW_ID + 1, 1.5, '0', '-3', '12345678901', 'seven', '1e3', '#12'),
  wrongType,
);

export const webUrl = fc
  .webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true })
  .filter((url) => url.length <= 2048)
  .map(same);
export const optionalWebUrl = fc.oneof(webUrl, notGiven);
export const invalidWebUrl = fc.oneof(
  fc.constantFrom('javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.org/f', 'example.org', 'http://', '//example.org', 'mailto:a@b.org'),
  fc.constant(`https://example.org/${'p'.repeat(2048)}`),
  fc.constant('https://example.org/a\u0000b'),
  fc.integer(),
  wrongType,
);
