// The migration runner as an operator meets it: from an empty database, run twice, run by two
// instances at once, faced with an edited history, and pointed at a server that is not there.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPendingMigrations } from '../../prisma/migrate';
import { MIGRATION_LOCK_KEY } from '../../prisma/migration-lock';
import { resetDatabase, sql, testDatabaseKind, testDatabaseUrl } from '../support/database';

const root = fileURLToPath(new URL('../..', import.meta.url));
const migrationsDir = join(root, 'prisma/migrations');

async function migrationNames(dir = migrationsDir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

async function recordedMigrations() {
  const { rows } = await sql<{ migration_name: string; checksum: string; finished: boolean }>(
    `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished
       FROM _prisma_migrations ORDER BY started_at`,
  );
  return rows;
}

async function tableExists(name: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [name]);
  return rows[0]?.found ?? false;
}

function migrate(extra: { migrationsDir?: string; log?: (line: string) => void } = {}) {
  return applyPendingMigrations({ connectionString: testDatabaseUrl(), log: () => {}, ...extra });
}

/** Runs `npm run db:migrate`'s command line in a child process, as an operator would. */
function runCli(databaseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
  const child = spawn(process.execPath, [tsx, '--conditions=react-server', 'prisma/migrate.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeEach(resetDatabase);

describe('applying migrations to an empty database', () => {
  it('creates the tables and records the migration the way prisma migrate deploy does', async () => {
    const lines: string[] = [];
    const names = await migrationNames();
    expect(await migrate({ log: (line) => lines.push(line) })).toEqual({ applied: names });

    for (const table of ['operation', 'population_group', 'source', 'target', 'figure', 'statement', 'event']) {
      expect(await tableExists(table), table).toBe(true);
    }
    const recorded = await recordedMigrations();
    expect(recorded.map((row) => row.migration_name)).toEqual(names);
    expect(recorded.every((row) => row.finished)).toBe(true);
    // The engine's checksum is the SHA-256 of the file's bytes, which is what the runner compares.
    const bytes = await readFile(join(migrationsDir, names[0] as string, 'migration.sql'));
    expect(recorded[0]?.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(lines).toEqual(names.map((name) => `Applied migration ${name}`));
  });

  it('applies nothing the second time and says the schema is up to date', async () => {
    await migrate();
    const lines: string[] = [];
    expect(await migrate({ log: (line) => lines.push(line) })).toEqual({ applied: [] });
    expect(lines).toEqual(['Database schema is up to date']);
    expect(await recordedMigrations()).toHaveLength((await migrationNames()).length);
  });

  it('applies each migration once when two runs start together', async () => {
    const [first, second] = await Promise.all([migrate(), migrate()]);
    expect([...first.applied, ...second.applied]).toEqual(await migrationNames());
    expect(await recordedMigrations()).toHaveLength((await migrationNames()).length);
  });
});

// Two processes at once: on PostgreSQL the advisory lock serialises them. The embedded PGlite
// server shares one session between all connections, so its advisory locks never block; the
// embedded database is only ever migrated by the process that serves it.
describe.skipIf(testDatabaseKind() === 'embedded')('runs from separate processes', () => {
  it('waits while another run holds the migration lock', async () => {
    const holder = new pg.Client({ connectionString: testDatabaseUrl() });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY.toString()]);
      const lines: string[] = [];
      const run = migrate({ log: (line) => lines.push(line) });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(lines).toEqual(['Another migration run is in progress; waiting for it to finish']);
      expect(await tableExists('_prisma_migrations')).toBe(false);
      await holder.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY.toString()]);
      expect((await run).applied).toEqual(await migrationNames());
    } finally {
      await holder.end();
    }
  });

  it('applies each migration once when two CLIs and the app migrate together', async () => {
    const url = testDatabaseUrl();
    const [first, second, inProcess] = await Promise.all([runCli(url), runCli(url), migrate()]);
    const names = await migrationNames();
    const appliedBy = (cli: typeof first) => {
      expect(cli.code, cli.stderr).toBe(0);
      return cli.stdout.includes('Applied migration') ? names : [];
    };
    expect([...appliedBy(first), ...appliedBy(second), ...inProcess.applied]).toEqual(names);
    expect(await recordedMigrations()).toHaveLength((await migrationNames()).length);
  });
});

describe('an applied migration that changed since', () => {
  let scratch: string;
  let initName: string;
  const laterName = '29991231000000_add_note';

  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'migrations-'));
    await cp(migrationsDir, scratch, { recursive: true });
    initName = (await migrationNames(scratch))[0] as string;
    await migrate({ migrationsDir: scratch });
    await mkdir(join(scratch, laterName));
    await writeFile(join(scratch, laterName, 'migration.sql'), 'CREATE TABLE "note" ("id" INTEGER);\n');
  });
  afterEach(() => rm(scratch, { recursive: true, force: true }));

  it('is refused by name when edited, and the later migration is not applied', async () => {
    const initFile = join(scratch, initName, 'migration.sql');
    await writeFile(initFile, `${await readFile(initFile, 'utf8')}\n-- an afterthought\n`);
    await expect(migrate({ migrationsDir: scratch })).rejects.toThrow(
      new RegExp(`Migration ${initName} was edited after it was applied.*refusing to migrate`),
    );
    expect(await tableExists('note')).toBe(false);
    // Nothing changed: the history still lists exactly what was applied before the edit.
    const appliedBefore = (await migrationNames(scratch)).filter((name) => name !== laterName);
    expect((await recordedMigrations()).map((row) => row.migration_name)).toEqual(appliedBefore);
  });

  it('is refused by name when its folder is gone', async () => {
    await rm(join(scratch, initName), { recursive: true });
    await expect(migrate({ migrationsDir: scratch })).rejects.toThrow(
      new RegExp(`Migration ${initName} is recorded as applied but its folder is missing`),
    );
    expect(await tableExists('note')).toBe(false);
  });

  it('is not an edit when only the line endings changed (a Windows checkout)', async () => {
    const initFile = join(scratch, initName, 'migration.sql');
    await writeFile(initFile, (await readFile(initFile, 'utf8')).replaceAll('\n', '\r\n'));
    expect(await migrate({ migrationsDir: scratch })).toEqual({ applied: [laterName] });
    expect(await tableExists('note')).toBe(true);
  });
});

describe('a migration that fails half-way', () => {
  it('leaves none of its statements behind, names the migration and says how to go on', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'migrations-'));
    try {
      const file = join(scratch, '20000101000000_broken', 'migration.sql');
      await mkdir(join(scratch, '20000101000000_broken'));
      await writeFile(file, 'CREATE TABLE "half" ("id" INTEGER);\nSELECT 1 / 0;\n');
      const failure = await migrate({ migrationsDir: scratch }).catch((error: Error) => error);
      expect(String(failure)).toMatch(/Migration 20000101000000_broken failed: .*division by zero/);
      expect(await tableExists('half')).toBe(false);

      // The way out the message gives: fix the file, run its UPDATE, migrate again.
      await writeFile(file, 'CREATE TABLE "half" ("id" INTEGER);\n');
      await sql(String(failure).slice(String(failure).indexOf('UPDATE _prisma_migrations')));
      expect(await migrate({ migrationsDir: scratch })).toEqual({ applied: ['20000101000000_broken'] });
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});

describe('a database that cannot be reached', () => {
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    await new Promise((resolve) => server.close(resolve));
    if (!address || typeof address !== 'object') throw new Error('no port');
    return address.port;
  }

  it('is named by host and port', async () => {
    const port = await closedPort();
    await expect(
      applyPendingMigrations({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` }),
    ).rejects.toThrow(`Cannot reach the database at 127.0.0.1:${port} (connection refused)`);
  });

  it('makes the CLI exit non-zero with one line and no stack trace', async () => {
    const port = await closedPort();
    const result = await runCli(`postgresql://postgres:secret@127.0.0.1:${port}/postgres`);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toBe(`Cannot reach the database at 127.0.0.1:${port} (connection refused)\n`);
    expect(result.stdout).toBe('');
  });
});
