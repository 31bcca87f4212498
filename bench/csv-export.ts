// The figures CSV export against PostgreSQL's own COPY, side by side on the same rows: BENCH_ROWS
// current figures (default 1,000,000, each with a source; 1% of them corrected, so the revision
// filter has work to do) in an operation of their own, exported through our route over HTTP and
// through `psql -c "\copy (<the route's SELECT>) TO STDOUT CSV"`, alternately, BENCH_REPEATS times
// each (default 2), best run kept. Also the app server's peak resident memory during our export
// (aim: under 200 MB), told apart for the first export the server makes (run alone, on a server
// that has served nothing else) and for the later ones, and the time to the first byte and to the
// first data row. For scale, one more psql run of the route's own COPY statement, which formats
// every cell in SQL (lib/csv/export-copy.ts).
//
// Alone:   npx tsx bench/csv-export.ts   (BENCH_ROWS=100000 for a quick run)
// In run-all: add ['CSV export', measureCsvExport] as the LAST entry of its list: it adds a million
// figures (in an operation of their own) to the shared cluster, and takes about two minutes.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';
import { figureCopyStatement } from '../lib/csv/export-copy';
import { figureExportQuery } from '../lib/csv/export-query';
import { isMain, runAlone, type BenchApp } from './support/bench-app';
import { ms, ratio, type BenchSection } from './support/report';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 2);
const SLUG = 'bench-csv-export';
const PSQL = `${process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'}/psql`;

interface ExportRun {
  rows: number;
  bytes: number;
  firstByteMs: number;
  firstRowMs: number;
  totalMs: number;
  peakRssMb?: number;
  /** The server's RSS just before this export started. */
  idleRssMb?: number;
}

/** Inserts the benchmark operation with ROWS current figures; returns its id. */
export async function seedFigures(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    // Skips the row triggers (append-only guard, same-series check, live-refresh NOTIFY, foreign
    // keys): the generated rows satisfy them by construction, and a million NOTIFYs would only
    // time the trigger. Needs a superuser, which the throwaway cluster's postgres is.
    await client.query('SET LOCAL session_replication_role = replica');
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO operation (slug, name, starts_at, deadline, time_zone)
       VALUES ($1, 'CSV export benchmark', '2021-08-14T00:00:00+04:30', '2031-09-01T00:00:00+04:30', 'Asia/Kabul')
       RETURNING id`,
      [SLUG],
    );
    const operationId = rows[0]!.id;
    await client.query(
      `INSERT INTO population_group (operation_id, slug, name, position)
       SELECT $1, slug, name, position FROM (VALUES ('all-evacuees', 'All evacuees', 0),
         ('us-nationals', 'US nationals', 1), ('afghans', 'Afghans and their families', 2)) v(slug, name, position)`,
      [operationId],
    );
    const sources = Math.max(1, Math.floor(ROWS / 10));
    const { rows: sourceRows } = await client.query<{ first: number }>(
      `WITH inserted AS (
         INSERT INTO source (publisher, title, url, via, published_at, quote)
         SELECT 'Publisher ' || (i % 50), 'Bulletin ' || i || ', evacuation figures',
                'https://example.org/bulletins/' || i, CASE WHEN i % 3 = 0 THEN 'AFP' END,
                timestamptz '2021-08-14T00:00:00+04:30' + i * interval '10 minutes',
                CASE WHEN i % 5 = 0 THEN 'He said "about ' || i || ' people" were out' END
         FROM generate_series(1, $1::int) i RETURNING id)
       SELECT min(id) AS first FROM inserted`,
      [sources],
    );
    await client.query(
      `INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, source_id)
       SELECT $1, g.ids[1 + i % 3], i, timestamptz '2021-08-14T00:00:00+04:30' + i * interval '1 minute',
              'CUMULATIVE', timestamptz '2021-08-14T00:00:00+04:30', $2::int + (i % $3::int)
       FROM (SELECT array_agg(id ORDER BY position) AS ids FROM population_group WHERE operation_id = $1) g,
            generate_series(1, $4::int) i`,
      [operationId, sourceRows[0]!.first, sources, ROWS],
    );
    // Every hundredth figure corrected: the export shows the correction, not the superseded row.
    await client.query(
      `INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, source_id, replaces_id, correction_reason)
       SELECT operation_id, group_id, value + 1, as_of, kind, basis_start, source_id, id, 'Recount'
       FROM figure WHERE operation_id = $1 AND value % 100 = 0`,
      [operationId],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return operationId;
  } finally {
    await client.end();
  }
}

/** The pid of the process listening on `port`: the Next.js server, found through /proc. */
function listenerPid(port: number): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is field 1 (ADDR:PORT), st is field 3 (0A = LISTEN), inode is field 9.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A' && fields[9]) inodes.add(fields[9]);
    }
  }
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const fds = readdirSync(`/proc/${entry}/fd`);
      if (fds.some((fd) => inodes.has(readlinkSync(`/proc/${entry}/fd/${fd}`).replace(/^socket:\[(\d+)\]$/, '$1')))) {
        return Number(entry);
      }
    } catch {
      // a process that ended, or one we may not inspect
    }
  }
  return null;
}

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Counts rows (line ends; the generated text holds none) and times the first byte and row. */
function timeStream(start: number, source: NodeJS.ReadableStream, done: (run: ExportRun) => void) {
  const run: ExportRun = { rows: -1, bytes: 0, firstByteMs: Number.NaN, firstRowMs: Number.NaN, totalMs: 0 };
  source.on('data', (chunk: Buffer) => {
    if (run.bytes === 0) run.firstByteMs = performance.now() - start;
    run.bytes += chunk.length;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) {
      run.rows += 1;
      // The header ends the first line; the first data row ends the second.
      if (run.rows === 1) run.firstRowMs = performance.now() - start;
    }
  });
  source.on('end', () => done({ ...run, totalMs: performance.now() - start }));
}

function exportThroughRoute(appUrl: string, pid: number | null): Promise<ExportRun> {
  if (pid !== null) {
    // Resets the peak-RSS counter (VmHWM) so it measures this export alone; needs root.
    try { writeFileSync(`/proc/${pid}/clear_refs`, '5'); } catch { /* polled RSS still counts */ }
  }
  const idleRssMb = pid === null ? Number.NaN : rssMb(pid, 'VmRSS');
  let polledPeak = 0;
  const poll = setInterval(() => { if (pid !== null) polledPeak = Math.max(polledPeak, rssMb(pid, 'VmRSS')); }, 20);
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(`${appUrl}/api/operations/${SLUG}/figures.csv`, {
      agent: false,
      headers: { 'accept-encoding': 'identity' },
    }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`figures.csv answered ${response.statusCode}`));
      timeStream(start, response, (run) => {
        clearInterval(poll);
        const peak = pid === null ? Number.NaN : Math.max(polledPeak, rssMb(pid, 'VmHWM'));
        resolve({ ...run, peakRssMb: peak, idleRssMb });
      });
    });
    request.on('error', reject);
  });
}

/** The route's SELECT (raw values), as psql `\copy` with a header row. */
function plainCopyCommand(operationId: number): string {
  const { text, values } = figureExportQuery({ operationId, asOf: {}, allRevisions: false });
  const select = text.replace('$1', String(values[0])).replace(/\s+/g, ' ').trim();
  return `\\copy (${select}) TO STDOUT WITH (FORMAT csv, HEADER)`;
}

/** The route's own COPY statement (cells formatted in SQL), in the operation's time zone, with
 *  the header row psql adds so that both count lines alike. */
function formattedCopyCommand(operationId: number): string {
  const statement = figureCopyStatement({ operationId, asOf: {}, allRevisions: false }, SLUG)
    .replace(/\s+/g, ' ')
    .replace(/WITH \(FORMAT csv\)$/, 'WITH (FORMAT csv, HEADER)');
  return `SET TimeZone = 'Asia/Kabul'; ${statement}`;
}

function exportThroughCopy(databaseUrl: string, command: string): Promise<ExportRun> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const psql = spawn(PSQL, ['-X', '-q', '-d', databaseUrl, '-c', command], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    psql.on('error', reject);
    timeStream(start, psql.stdout, (run) => psql.on('close', (code) =>
      code === 0 ? resolve(run) : reject(new Error(`psql exited with ${code}`))));
  });
}

const best = (runs: ExportRun[]) => runs.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
const rate = (run: ExportRun) => run.rows / (run.totalMs / 1000);
const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

/** `freshServer`: the app served nothing before this benchmark (run alone), so the first export's
 *  peak is a fresh server's. */
export async function measureCsvExport(app: BenchApp, { freshServer = false } = {}): Promise<BenchSection> {
  const seedStart = performance.now();
  const operationId = await seedFigures(app.databaseUrl);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const pid = listenerPid(Number(new URL(app.url).port));
  const ours: ExportRun[] = [];
  const copy: ExportRun[] = [];
  for (let round = 0; round < REPEATS; round += 1) {
    copy.push(await exportThroughCopy(app.databaseUrl, plainCopyCommand(operationId)));
    ours.push(await exportThroughRoute(app.url, pid));
  }
  const formatted = await exportThroughCopy(app.databaseUrl, formattedCopyCommand(operationId));
  for (const run of [...ours, ...copy, formatted]) {
    if (run.rows !== ROWS) throw new Error(`an export gave ${run.rows} rows, not ${ROWS}`);
  }
  const [o, c] = [best(ours), best(copy)];
  const peak = Math.max(...ours.map((run) => run.peakRssMb ?? Number.NaN));
  // The idle figure is the server's RSS just before the first of our exports.
  const idleRss = ours[0]?.idleRssMb ?? Number.NaN;
  const signedMb = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(0)} MB`;
  const firstPeak = ours[0]?.peakRssMb ?? Number.NaN;
  const laterPeak = Math.max(...ours.slice(1).map((run) => run.peakRssMb ?? Number.NaN));
  const firstLabel = freshServer ? 'first export, fresh server' : 'first export, server warmed by the benchmarks before';
  const rows = thousands(ROWS);
  const seconds = (run: ExportRun) => `${(run.totalMs / 1000).toFixed(2)} s`;
  return {
    title: `CSV export of ${rows} figures`,
    rows: [
      { measure: `CSV export, rows/s (${rows} rows)`, ours: thousands(rate(o)), baseline: thousands(rate(c)),
        ratio: ratio(rate(o), rate(c)), aim: '≥ 0.5', note: 'baseline: psql \\copy of the same SELECT' },
      { measure: 'CSV export, time to first byte', ours: ms(o.firstByteMs), baseline: ms(c.firstByteMs),
        ratio: ratio(o.firstByteMs, c.firstByteMs), aim: '', note: 'aim: ours ≤ 200 ms (the header row)' },
      { measure: 'CSV export, time to first data row', ours: ms(o.firstRowMs), baseline: ms(c.firstRowMs),
        ratio: ratio(o.firstRowMs, c.firstRowMs), aim: '', note: 'both wait for the sort' },
      { measure: 'CSV export, server peak RSS', ours: `${peak.toFixed(0)} MB`, baseline: `${idleRss.toFixed(0)} MB`,
        ratio: ratio(peak, idleRss), aim: '', note: `aim: peak < 200 MB; baseline: the server just before the export; ${signedMb(peak - idleRss)}` },
      { measure: `CSV export, server peak RSS (${firstLabel})`, ours: `${firstPeak.toFixed(0)} MB`, baseline: `${idleRss.toFixed(0)} MB`,
        ratio: ratio(firstPeak, idleRss), aim: '', note: ours.length > 1 ? `later exports: ${laterPeak.toFixed(0)} MB` : '' },
    ],
    details: [
      `Seeded ${rows} current figures (+1% superseded) in ${seedSeconds.toFixed(1)} s; Next.js server pid ${pid ?? 'not found'}.`,
      ...ours.map((run, i) => `route run ${i + 1}: ${seconds(run)}, first row ${ms(run.firstRowMs)}, ${(run.bytes / 1e6).toFixed(1)} MB, peak RSS ${run.peakRssMb?.toFixed(0)} MB`),
      ...copy.map((run, i) => `psql \\copy run ${i + 1}: ${seconds(run)}, first row ${ms(run.firstRowMs)}, ${(run.bytes / 1e6).toFixed(1)} MB`),
      `psql of the route's own COPY statement (cells formatted in SQL): ${seconds(formatted)}, ${thousands(rate(formatted))} rows/s, first row ${ms(formatted.firstRowMs)}, ${(formatted.bytes / 1e6).toFixed(1)} MB`,
    ],
  };
}

if (isMain(import.meta.url)) runAlone('csv-export', (app) => measureCsvExport(app, { freshServer: true }));
