// Text cells as the export wrote them: a cell the export neutralised against formula injection
// ("'=1+1") is given back as it was stored ("=1+1"), so values round-trip exactly. A cell that
// starts like a formula WITHOUT that quote did not come from the export unchanged (someone typed
// it, or a spreadsheet stripped the quote): it is refused rather than stored, because our own
// export would then hand it to the next reader's spreadsheet as text only thanks to its quote, and
// other readers of the database (the API, the page) would carry the formula as it stands.
import { needsNeutralising, restoreNeutralisedCell } from '../neutralise-formula';

export type TextCellReading = { ok: true; text: string } | { ok: false; message: string };

const NAMES: Record<string, string> = {
  '\t': 'a tab',
  '\r': 'a line break',
  '\n': 'a line break',
  '\uFF1D': 'a full-width "="',
  '\uFF0B': 'a full-width "+"',
  '\uFF0D': 'a full-width "-"',
  '\uFF20': 'a full-width "@"',
};
/** The first formula character after the fewest leading spaces, as neutraliseFormula sees it. */
const TRIGGER = /^\s*?([=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20])/;

/** The character that makes the cell a formula, named so a person can find it. */
function trigger(cell: string): string {
  const found = TRIGGER.exec(cell)?.[1] ?? cell.charAt(0);
  return NAMES[found] ?? `"${found}"`;
}

export function readTextCell(cell: string): TextCellReading {
  const restored = restoreNeutralisedCell(cell);
  if (restored !== cell) return { ok: true, text: restored };
  if (needsNeutralising(cell)) {
    return {
      ok: false,
      message: `starts with ${trigger(cell)}, which a spreadsheet runs as a formula: if it is meant as text, prefix it with '`,
    };
  }
  return { ok: true, text: cell };
}
