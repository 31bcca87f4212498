// Backups, as the README tells an operator to take and restore them: with PostgreSQL, `pg_dump
// --format=custom` and `pg_restore` into an empty database; with the embedded database, a copy of
// its folder taken while the app is stopped. Either way a second app started on the restored copy
// serves the same figures (the full CSV with every revision, byte for byte), the same summary, and
// the same staff accounts.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { appDatabase, queryDatabase, resetExternalDatabase } from '../support/app-database';
import { startApp, type RunningApp } from '../support/app-server';
import { createApiTokenFor, createStaffAccount, signIn, type StaffAccount } from '../support/staff';
import { figureInput, writeClient } from '../support/write-api';

const run = promisify(execFile);
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const external = process.env.TEST_DATABASE_URL;
const workDir = mkdtempSync(join(tmpdir(), 'evac-backup-'));
const running: RunningApp[] = [];

afterAll(async () => {
  await Promise.allSettled(running.map((app) => app.stop()));
  rmSync(workDir, { recursive: true, force: true });
});

async function started(options: Parameters<typeof startApp>[0]): Promise<RunningApp> {
  const app = await startApp(options);
  running.push(app);
  return app;
}

interface Snapshot {
  csv: string;
  summary: unknown;
  auditEntries: number;
}

/** What a reader and the audit log see: every revision as CSV, the summary, the audit count. */
async function snapshot(app: RunningApp, databaseUrl: string): Promise<Snapshot> {
  const csv = await fetch(`${app.url}/api/operations/kabul-2021/figures.csv?revisions=all`);
  expect(csv.status).toBe(200);
  const summary = await fetch(`${app.url}/api/operations/kabul-2021/summary?asOf=2021-08-24`);
  expect(summary.status).toBe(200);
  const { rows } = await queryDatabase(databaseUrl, 'SELECT count(*)::int AS n FROM audit_entry');
  return { csv: await csv.text(), summary: await summary.json(), auditEntries: rows[0].n as number };
}

/** An editor, and a figure written through the API (so there is an audit entry to keep). */
async function writeSomething(app: RunningApp, databaseUrl: string): Promise<StaffAccount> {
  const editor = await createStaffAccount(databaseUrl, 'editor');
  const writer = writeClient(app.url, { token: await createApiTokenFor(databaseUrl, editor.email) });
  const response = await writer.post('kabul-2021/figures', figureInput({ value: 31_337 }));
  expect(response.status).toBe(201);
  return editor;
}

/** The same backed-up state seen through the restored app, and the editor can still sign in. */
async function expectSameState(before: Snapshot, after: Snapshot, restored: RunningApp, editor: StaffAccount) {
  expect(after.csv).toContain(',31337,');
  expect(after.csv).toBe(before.csv);
  expect(after.summary).toEqual(before.summary);
  expect(after.auditEntries).toBe(before.auditEntries);
  expect(after.auditEntries).toBeGreaterThan(0);
  expect(await signIn(restored.url, editor)).toMatch(/session_token=/);
}

describe.runIf(external)('PostgreSQL: pg_dump and pg_restore', () => {
  it('restores into an empty database a copy the app serves exactly as before', async () => {
    const url = external as string;
    await resetExternalDatabase(url);
    const original = await started({ databaseUrl: url });
    const editor = await writeSomething(original, url);
    const before = await snapshot(original, url);

    const dumpFile = join(workDir, 'evac.dump');
    // While the app runs: pg_dump reads one consistent snapshot without stopping writers.
    await run(`${PG_BIN}/pg_dump`, ['--format=custom', '--no-owner', '--file', dumpFile, url]);

    const restoreName = `evac_restore_${process.pid}`;
    await queryDatabase(url, `DROP DATABASE IF EXISTS ${restoreName}`);
    await queryDatabase(url, `CREATE DATABASE ${restoreName}`);
    const restoreUrl = new URL(url);
    restoreUrl.pathname = `/${restoreName}`;
    try {
      await run(`${PG_BIN}/pg_restore`, ['--no-owner', '--exit-on-error', '--dbname', restoreUrl.href, dumpFile]);
      const restored = await started({ databaseUrl: restoreUrl.href });
      // Nothing to migrate or seed: the restored schema and data are current.
      expect(restored.output()).not.toMatch(/Applied migration|Seeded/);
      await expectSameState(before, await snapshot(restored, restoreUrl.href), restored, editor);
      await restored.stop();
    } finally {
      await queryDatabase(url, `DROP DATABASE IF EXISTS ${restoreName} WITH (FORCE)`);
    }
  }, 300_000);
});

describe.skipIf(external)('embedded database: a copy of its folder, taken while stopped', () => {
  it('starts from the copy with everything in it', async () => {
    const dataDir = join(workDir, 'pglite');
    const original = await started({ embeddedDataDir: dataDir });
    const databaseUrl = await appDatabase(original);
    const editor = await writeSomething(original, databaseUrl);
    const before = await snapshot(original, databaseUrl);
    expect(await original.stop()).toBe(0);

    const copyDir = join(workDir, 'pglite-copy');
    cpSync(dataDir, copyDir, { recursive: true });
    rmSync(dataDir, { recursive: true, force: true });
    const restored = await started({ embeddedDataDir: copyDir });
    expect(restored.output()).not.toMatch(/Applied migration|Seeded/);
    await expectSameState(before, await snapshot(restored, await appDatabase(restored)), restored, editor);
  }, 300_000);
});
