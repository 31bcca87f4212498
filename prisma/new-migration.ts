// `npm run db:migration -- --name <name>`: writes the next migration from the difference between
// the existing migrations and prisma/schema.prisma, the way `prisma migrate dev --create-only`
// would, without a database: the migrations are replayed into an in-memory PGlite and the engine
// diffs that against the schema. Adapter-pg cannot introspect (it fails on PostgreSQL's `char`
// type), which is why the replay does not happen on the real database.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defaultMigrationsDir, lockfileName, postgresLockfile, readMigrations } from './migration-files';
import { applyMigrations, diffScript, withSchemaEngine } from './schema-engine';

export const defaultSchemaPath = fileURLToPath(new URL('./schema.prisma', import.meta.url));

export interface PlanOptions {
  migrationsDir?: string;
  schemaPath?: string;
}

/** The SQL of the next migration, or null when the migrations already match the schema. */
export async function planNextMigration(options: PlanOptions = {}): Promise<string | null> {
  const schemaPath = resolve(options.schemaPath ?? defaultSchemaPath);
  const schemaFiles = [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }];
  const migrations = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  const scratch = await PGlite.create('memory://');
  try {
    const script = await withSchemaEngine(new PrismaPGlite(scratch), async (engine) => {
      await applyMigrations(engine, migrations.list);
      return diffScript(
        engine,
        { tag: 'schemaDatasource', files: schemaFiles, configDir: resolve(schemaPath, '..') },
        { tag: 'schemaDatamodel', files: schemaFiles },
      );
    });
    return hasStatements(script) ? script : null;
  } finally {
    await scratch.close();
  }
}

// An empty diff still comes back as a comment ("-- This is an empty migration.").
function hasStatements(script: string): boolean {
  return script
    .split('\n')
    .some((line) => line.trim() !== '' && !line.trim().startsWith('--'));
}

/** Folder names sort by their timestamp, so a new one must come after every existing one. */
export function migrationFolderName(name: string, now: Date, existing: readonly string[]): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
  if (!slug) throw new Error(`"${name}" is not a usable migration name: use letters and digits`);
  const latest = existing.map((folder) => folder.slice(0, 14)).sort().at(-1);
  let stamp = utcTimestamp(now);
  if (latest && stamp <= latest) stamp = utcTimestamp(new Date(parseTimestamp(latest) + 1000));
  return `${stamp}_${slug}`;
}

function utcTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

function parseTimestamp(stamp: string): number {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((at, i) =>
    Number(stamp.slice(at, at + (i === 0 ? 4 : 2))),
  ) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

export interface CreateOptions extends PlanOptions {
  name: string;
  now?: Date;
}

/** Writes the next migration; returns its folder name, or null when nothing changed. */
export async function createNextMigration(options: CreateOptions): Promise<string | null> {
  const dir = resolve(options.migrationsDir ?? defaultMigrationsDir);
  const script = await planNextMigration({ ...options, migrationsDir: dir });
  if (script === null) return null;
  const existing = (await readMigrations(dir)).folders.map((folder) => folder.name);
  const folder = migrationFolderName(options.name, options.now ?? new Date(), existing);
  await mkdir(resolve(dir, folder), { recursive: true });
  if (!existsSync(resolve(dir, lockfileName))) {
    await writeFile(resolve(dir, lockfileName), postgresLockfile, 'utf8');
  }
  await writeFile(resolve(dir, folder, 'migration.sql'), script, 'utf8');
  return folder;
}

function nameArgument(args: readonly string[]): string | undefined {
  const index = args.findIndex((arg) => arg === '--name' || arg.startsWith('--name='));
  if (index === -1) return undefined;
  const arg = args[index] as string;
  return arg.startsWith('--name=') ? arg.slice('--name='.length) : args[index + 1];
}

async function main(): Promise<number> {
  const name = nameArgument(process.argv.slice(2));
  if (!name) {
    console.error('Usage: npm run db:migration -- --name <what_it_changes>');
    return 2;
  }
  const folder = await createNextMigration({ name });
  if (folder === null) {
    console.log('No difference between prisma/schema.prisma and the migrations: nothing written.');
    return 0;
  }
  console.log(`Wrote prisma/migrations/${folder}/migration.sql: review it before committing.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // Exit explicitly: the engine leaves a 10-second timer behind that would hold the process open.
  main()
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      return 1;
    })
    .then((code) => process.exit(code));
}
