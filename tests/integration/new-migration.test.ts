// `npm run db:migration`: the migrations folder must always describe prisma/schema.prisma, and a
// new migration comes out in Prisma's own layout. No database needed (in-memory PGlite).
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postgresLockfile } from '../../prisma/migration-files';
import {
  createNextMigration,
  defaultSchemaPath,
  migrationFolderName,
  planNextMigration,
} from '../../prisma/new-migration';

const migrationsDir = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

describe('the committed migrations', () => {
  it('match prisma/schema.prisma: a schema change without its migration fails here', async () => {
    expect(await planNextMigration()).toBeNull();
  });
});

describe('a new migration', () => {
  let scratch: string;
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'new-migration-'));
  });
  afterEach(() => rm(scratch, { recursive: true, force: true }));

  it('is written from an empty folder with the lockfile Prisma writes', async () => {
    const now = new Date('2026-01-02T03:04:05Z');
    const folder = await createNextMigration({ name: 'Init schema', migrationsDir: scratch, now });
    expect(folder).toBe('20260102030405_init_schema');
    expect((await readdir(scratch)).sort()).toEqual([folder, 'migration_lock.toml']);
    expect(await readFile(join(scratch, 'migration_lock.toml'), 'utf8')).toBe(postgresLockfile);
    const script = await readFile(join(scratch, folder as string, 'migration.sql'), 'utf8');
    expect(script).toContain('CREATE TABLE "figure"');
  });

  it('turns a schema change into just that change, leaving the hand-written guards alone', async () => {
    await cp(migrationsDir, join(scratch, 'migrations'), { recursive: true });
    const schema = await readFile(defaultSchemaPath, 'utf8');
    const schemaPath = join(scratch, 'schema.prisma');
    await writeFile(schemaPath, schema.replace(/(model Event \{\n)/, '$1  note String?\n'));
    const script = await planNextMigration({ migrationsDir: join(scratch, 'migrations'), schemaPath });
    expect(script).toMatch(/ALTER TABLE "event" ADD COLUMN\s+"note" TEXT;/);
    expect(script).not.toMatch(/DROP|CONSTRAINT|TRIGGER|FUNCTION/);
  });

  it('sorts after every existing migration even when the clock is behind', () => {
    const now = new Date('2026-01-02T03:04:05Z');
    expect(migrationFolderName('add x', now, ['20260102030405_init'])).toBe('20260102030406_add_x');
    expect(() => migrationFolderName('!!!', now, [])).toThrow(/not a usable migration name/);
  });
});
