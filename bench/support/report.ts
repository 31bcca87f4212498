// One row shape for every benchmark, so run-all can print and save a single table, and each bench
// run alone prints the same rows.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ResultRow {
  measure: string;
  ours: string;
  baseline: string;
  /** ours / baseline; null when one side could not be measured. */
  ratio: number | null;
  /** What the ratio should be, e.g. "≤ 1" or "≤ 2"; empty when it is informative only. */
  aim: string;
  note: string;
}

export interface BenchSection {
  title: string;
  rows: ResultRow[];
  /** Lines worth keeping beside the table (per-chunk sizes, raw samples). */
  details: string[];
}

export const ratio = (ours: number | null, baseline: number | null): number | null =>
  ours === null || baseline === null || baseline === 0 ? null : ours / baseline;

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function markdownTable(rows: ResultRow[]): string {
  const lines = [
    '| measure | ours | baseline | ratio | aim | note |',
    '| --- | ---: | ---: | ---: | :---: | --- |',
  ];
  for (const row of rows) {
    const shown = row.ratio === null ? '–' : row.ratio.toFixed(2);
    lines.push(
      `| ${[row.measure, row.ours, row.baseline, shown, row.aim, row.note].map(cell).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

export function sectionMarkdown(sections: BenchSection[], header: string[]): string {
  const rows = sections.flatMap((section) => section.rows);
  const details = sections
    .filter((section) => section.details.length > 0)
    .map((section) => [`### ${section.title}`, '', ...section.details.map((d) => `- ${d}`)].join('\n'));
  return [...header, '', markdownTable(rows), '', ...details.flatMap((d) => [d, ''])].join('\n');
}

const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));

/** Writes bench/results/<name>.md (git-ignored) and returns its path. */
export function saveResults(name: string, markdown: string): string {
  mkdirSync(resultsDir, { recursive: true });
  const path = `${resultsDir}${name}.md`;
  writeFileSync(path, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  return path;
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
export const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
