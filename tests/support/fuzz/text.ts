// Text as people paste it: formula triggers (= + - @, tab, CR, LF and their full-width forms),
// quotes, commas, line breaks, non-breaking and ideographic spaces, accents, right-to-left
// script and emoji, mixed with plain letters. Never NUL nor a lone surrogate: no database stores
// those (the schemas refuse them; see the junk generators).
import fc from 'fast-check';

const TRICKY = [
  '=', '+', '-', '@', '\t', '\r', '\n', '\r\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20',
  '"', "'", ',', ';', ' ', '  ', '\u00A0', '\u3000', '\u2028', '#', '\\', '|',
  'é', 'ß', 'Ω', 'ن', 'کابل', '中', '😀', '👩‍👩‍👧', 'e\u0301', '\u200B', '\uFEFF',
];

/** One unit of text: a tricky piece or a printable character of any script. */
export const textUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

/** `text` cut to `maxLength` code units, without leaving half of a surrogate pair at the end. */
export function cut(text: string, maxLength: number): string {
  const cutText = text.slice(0, maxLength);
  return /[\uD800-\uDBFF]$/.test(cutText) ? cutText.slice(0, -1) : cutText;
}

/** Any storable text of up to `maxLength` characters (UTF-16 code units). */
export function anyText(maxLength = 40, minLength = 0): fc.Arbitrary<string> {
  return fc
    .string({ unit: textUnit, minLength, maxLength })
    .map((text) => cut(text, maxLength))
    .filter((text) => text.length >= minLength);
}

/** Text that is not blank once trimmed, and is its own trim: a schema gives it back as it is. */
export function trimmedText(maxLength = 40): fc.Arbitrary<string> {
  return anyText(maxLength + 4, 1)
    .map((text) => cut(text.trim(), maxLength).trim())
    .filter((text) => text !== '');
}

/** Whitespace a form or a client may leave around a value. */
export const padding = fc.constantFrom('', '', '', ' ', '  ', '\t', '\n', ' \r\n', '\u00A0', '\u3000');
