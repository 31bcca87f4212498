import { describe, expect, it } from 'vitest';
import {
  needsNeutralising,
  neutraliseCell,
  neutraliseFormula,
  restoreNeutralisedCell,
} from '@/lib/csv/neutralise-formula';

describe('neutraliseFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\tplain', "'\tplain"],
    ['\rline', "'\rline"],
    ['\nline', "'\nline"],
    ['   =HYPERLINK("http://x")', '\'   =HYPERLINK("http://x")'],
    ['\u00a0+1', "'\u00a0+1"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['\uFF20cmd', "'\uFF20cmd"],
  ])('prefixes %j with a single quote', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  it.each([
    'White House',
    'Evacuations from Kabul: 25,100 since August 14',
    'https://www.afp.com/',
    '   leading spaces only',
    'a=b',
    'x-1',
    'e-mail me @ desk',
    "'Mathematically impossible', says Borrell",
    '',
  ])('leaves ordinary text untouched: %j', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });

  it('never alters numbers or empty cells', () => {
    expect(neutraliseCell(25100)).toBe(25100);
    expect(neutraliseCell(0)).toBe(0);
    expect(neutraliseCell(-1)).toBe(-1);
    expect(neutraliseCell(null)).toBeNull();
    expect(neutraliseCell('-1')).toBe("'-1");
  });

  it('adds one more quote to a cell that already starts with quotes and a formula', () => {
    expect(needsNeutralising("'=1+1")).toBe(true);
    expect(neutraliseFormula("'=1+1")).toBe("''=1+1");
  });

  it.each(['=1+1', "'=1+1", "''-2", ' @x', 'plain', "'quoted'", '\n', "'", ''])(
    'restores %j exactly after neutralising',
    (cell) => {
      expect(restoreNeutralisedCell(neutraliseFormula(cell))).toBe(cell);
    },
  );
});
