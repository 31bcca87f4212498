// `npm run bench`: every benchmark in one run, side by side on one machine, against one app on
// one throwaway PostgreSQL 15 cluster: first-load JavaScript, Largest Contentful Paint, the
// summary route under load, three instances against one, writes through the API against plain
// INSERTs, the CSV import against a plain INSERT, and the CSV export against psql COPY. Prints one
// table of ratios and writes it to bench/results/latest.md.
//
// Absolute numbers move with whatever else the shared machine is doing; the ratios, measured
// against a baseline in the same minute, are what to compare between runs.
import { measureCsvExport } from './csv-export';
import { measureCsvImport } from './csv-import';
import { measureFirstLoadJs } from './first-load-js';
import { measureInstances } from './instances';
import { measureLcp } from './lcp';
import { measureSummaryLoad } from './summary-load';
import { measureWrites } from './writes';
import { withBenchApp } from './support/bench-app';
import { busyWarning, currentLoad, describeMachine, machineLine } from './support/machine';
import { markdownTable, saveResults, sectionMarkdown, type BenchSection } from './support/report';

async function main() {
  const machine = describeMachine();
  const started = new Date();
  const { sections, postgresVersion, buildId } = await withBenchApp(async (app) => {
    const done: BenchSection[] = [];
    for (const [name, measure] of [
      ['first-load JavaScript', measureFirstLoadJs],
      ['Largest Contentful Paint', measureLcp],
      ['summary route under load', measureSummaryLoad],
      ['three instances against one', measureInstances],
      // Its figures go to an operation of its own: the pages and exports measured around it
      // do not change.
      ['writes through the API against plain INSERTs', measureWrites],
      // Adds 2 × BENCH_IMPORT_ROWS figures (in operations of their own): after the page measures.
      ['CSV import against a plain INSERT', measureCsvImport],
      // Last: it adds a million figures to the shared cluster.
      ['CSV export against psql COPY', measureCsvExport],
    ] as const) {
      console.log(`… ${name}`);
      done.push(await measure(app));
    }
    return { sections: done, postgresVersion: app.postgresVersion, buildId: app.buildId };
  });
  const seconds = Math.round((Date.now() - started.getTime()) / 1000);
  const header = [
    `# Benchmarks, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${machineLine(machine)}, ${currentLoad()} at end.`,
    `PostgreSQL ${postgresVersion} (throwaway cluster), Next.js build ${buildId}; ${seconds} s in all.`,
    'Ratios are ours / baseline, both measured in this run; "aim" is the target where there is one.',
    ...[busyWarning(machine)].filter((line): line is string => line !== null).flatMap((line) => ['', line]),
  ];
  console.log(`\n${header.join('\n')}\n\n${markdownTable(sections.flatMap((s) => s.rows))}\n`);
  console.log(`Saved to ${saveResults('latest', sectionMarkdown(sections, header))}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
