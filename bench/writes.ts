// Writes per second through the write API against plain pg INSERTs of the same rows, side by side
// on the same PostgreSQL: 50 concurrent clients each side, BENCH_WRITES writes a side (default
// 1,000) split into BENCH_WRITE_ROUNDS alternating rounds (default 2; the order rotates, so drift
// in the machine's other work falls on both sides alike). Our side: POST /api/operations/
// bench-writes/figures with a token per client (auth, validation, the running-total check, source,
// figure and audit entry in one transaction). Baseline: BEGIN, INSERT source, INSERT figure,
// COMMIT on 50 pooled connections. Afterwards every planned row is checked: none lost, none twice.
//
// Alone: npx tsx --conditions=react-server bench/writes.ts   (BENCH_WRITES=200 for a quick run)
import { createApiTokenFor, createStaffAccount } from '../tests/support/staff';
import { isMain, runAlone, type BenchApp } from './support/bench-app';
import { cpuSampler, treeCpuSeconds } from './support/process-cpu';
import { ms, ratio, type BenchSection, type ResultRow } from './support/report';
import { apiWriters, failureText, percentile, pgWriters, type WriteRun } from './support/write-clients';
import { BASELINE_GROUP, OUR_GROUP, checkRows, createBenchOperation, rowCheckLine, rowCheckPassed } from './support/write-fixture';

const CLIENTS = 50;
const ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_WRITE_ROUNDS ?? 2)));
const PER_CLIENT = Math.max(1, Math.round(Number(process.env.BENCH_WRITES ?? 1_000) / ROUNDS / CLIENTS));
const WRITES_A_SIDE = PER_CLIENT * CLIENTS * ROUNDS;

interface Side {
  runs: WriteRun[];
  cpuSeconds: number;
}

const processCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

function summarise(side: Side) {
  const writes = side.runs.reduce((total, run) => total + run.writes, 0);
  const seconds = side.runs.reduce((total, run) => total + run.seconds, 0);
  const latencies = side.runs.flatMap((run) => run.latencies);
  const failures = new Map<string, number>();
  for (const run of side.runs) for (const [what, count] of run.failures) failures.set(what, (failures.get(what) ?? 0) + count);
  return {
    perSecond: writes / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMsPerWrite: (side.cpuSeconds * 1000) / writes,
    failures,
  };
}

export async function measureWrites(app: BenchApp): Promise<BenchSection> {
  await createBenchOperation(app.databaseUrl);
  const editor = await createStaffAccount(app.databaseUrl, 'editor');
  const tokens: string[] = [];
  for (let client = 0; client < CLIENTS; client += 1) {
    tokens.push(await createApiTokenFor(app.databaseUrl, editor.email, `bench client ${client}`));
  }
  const ours = apiWriters(app.url, tokens);
  const baseline = await pgWriters(app.databaseUrl, CLIENTS);
  // Ours: the Next.js server, its parent and PostgreSQL. Baseline: PostgreSQL and this process,
  // which is the baseline's writer (its HTTP client work for our side is left out).
  const oursCpu = cpuSampler(app.url, app.postgresPid) ?? (() => Number.NaN);
  const baselineCpu = () => treeCpuSeconds([app.postgresPid]) + processCpuSeconds();
  const sides = { ours: { runs: [], cpuSeconds: 0 } as Side, baseline: { runs: [], cpuSeconds: 0 } as Side };
  const details: string[] = [];
  let oursStep = 0;
  let baselineStep = 0;
  try {
    // Warm-up, one write per client a side (JIT, pools, token lookups); its rows are checked too.
    await ours(1, oursStep);
    oursStep += CLIENTS;
    await baseline.run(1, baselineStep);
    baselineStep += CLIENTS;
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const);
      for (const which of order) {
        await sleep(1_000);
        const cpu = which === 'ours' ? oursCpu : baselineCpu;
        const before = cpu();
        const run = which === 'ours' ? await ours(PER_CLIENT, oursStep) : await baseline.run(PER_CLIENT, baselineStep);
        const cpuSeconds = cpu() - before;
        sides[which].cpuSeconds += cpuSeconds;
        sides[which].runs.push(run);
        if (which === 'ours') oursStep += run.writes;
        else baselineStep += run.writes;
        // Per round, so a cost that grows with the rows already stored shows up.
        details.push(
          `round ${round + 1}, ${which}: ${run.writes} writes in ${run.seconds.toFixed(2)} s ` +
            `(${(run.writes / run.seconds).toFixed(0)}/s, ${((cpuSeconds * 1000) / run.writes).toFixed(1)} ms CPU a write)`,
        );
      }
    }
  } finally {
    await baseline.close();
  }

  const [oursCheck, baselineCheck] = [await checkRows(app.databaseUrl, OUR_GROUP, oursStep), await checkRows(app.databaseUrl, BASELINE_GROUP, baselineStep)];
  details.push(`rows, API: ${rowCheckLine(oursCheck)}; ${oursCheck.auditEntries} audit entries`);
  details.push(`rows, plain INSERTs: ${rowCheckLine(baselineCheck)}`);
  const o = summarise(sides.ours);
  const b = summarise(sides.baseline);
  const clean = o.failures.size === 0 && b.failures.size === 0 && rowCheckPassed(oursCheck) && rowCheckPassed(baselineCheck) && oursCheck.auditEntries === oursCheck.expected;
  const failures = [o.failures.size ? `API failures: ${failureText(o.failures)}` : '', b.failures.size ? `INSERT failures: ${failureText(b.failures)}` : '']
    .filter(Boolean)
    .join('; ');
  const perSecond = (value: number) => `${value.toFixed(0)} writes/s`;
  const cpu = (value: number) => `${value.toFixed(1)} ms CPU`;
  const rows: ResultRow[] = [
    {
      measure: `Writes/s, ${CLIENTS} concurrent clients (PostgreSQL ${app.postgresVersion}, ${WRITES_A_SIDE.toLocaleString('en')} a side in ${ROUNDS} alternating rounds)`,
      ours: perSecond(o.perSecond),
      baseline: `plain INSERTs ${perSecond(b.perSecond)}`,
      ratio: clean ? ratio(o.perSecond, b.perSecond) : null,
      aim: '',
      note: `${failures ? `**${failures}**; ` : ''}API ${rowCheckLine(oursCheck)}, ${oursCheck.auditEntries} audit entries; INSERTs ${rowCheckLine(baselineCheck)}`,
    },
    {
      measure: 'Write latency p50 (p99)',
      ours: `${ms(o.p50)} (${ms(o.p99)})`,
      baseline: `${ms(b.p50)} (${ms(b.p99)})`,
      ratio: clean ? ratio(o.p50, b.p50) : null,
      aim: '',
      note: 'ratio of the p50s',
    },
    {
      measure: 'Write CPU per write',
      ours: cpu(o.cpuMsPerWrite),
      baseline: cpu(b.cpuMsPerWrite),
      ratio: clean ? ratio(o.cpuMsPerWrite, b.cpuMsPerWrite) : null,
      aim: '',
      note: 'ours: server + PostgreSQL; baseline: PostgreSQL + its writer process (from /proc)',
    },
  ];
  return { title: 'Writes through the API against plain INSERTs', rows, details };
}

if (isMain(import.meta.url)) runAlone('writes', measureWrites);
