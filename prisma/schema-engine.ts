// Prisma's schema engine, compiled to WebAssembly, driven through a driver adapter.
//
// Why not the Prisma CLI: it needs the native schema engine, which it downloads on first use, and
// downloads are impossible here and on air-gapped servers. The WebAssembly build is the same
// engine (same `_prisma_migrations` bookkeeping, same diff), shipped as an npm package.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type {
  DiffTarget,
  MigrationList,
  SchemaEngine,
  SchemaFilter,
} from '@prisma/schema-engine-wasm';

export type { MigrationList } from '@prisma/schema-engine-wasm';

type EngineRuntime = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

const noExternalEntities: SchemaFilter = { externalTables: [], externalEnums: [] };

// Kept on globalThis: the glue module is a process-wide singleton (one `wasm` variable), so if a
// test runner or bundler loads this file twice, both copies must share one instance of it.
const runtimeKey = Symbol.for('evacuation-figures.schema-engine-runtime');
type RuntimeHolder = { [runtimeKey]?: Promise<EngineRuntime> };

/** Compiles and starts the WebAssembly module once per process; later calls reuse it. */
function loadRuntime(): Promise<EngineRuntime> {
  const holder = globalThis as RuntimeHolder;
  const runtime = (holder[runtimeKey] ??= (async () => {
    const require = createRequire(import.meta.url);
    const runtimePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(join(dirname(runtimePath), 'schema_engine_bg.wasm'));
    // Imported by file URL rather than by package name: tsx evaluates this file from a `data:` URL
    // when an ES module imports it, and bare specifiers do not resolve from there.
    const bindings = (await import(pathToFileURL(runtimePath).href)) as EngineRuntime;
    const compiled = await WebAssembly.compile(bytes);
    // wasm-bindgen's glue expects to be the module's only import, under its own file name.
    const imports = { './schema_engine_bg.js': bindings } as unknown as WebAssembly.Imports;
    const instance = await WebAssembly.instantiate(compiled, imports);
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })());
  // A failed load (missing file) must not be cached: the next caller should see the real error.
  runtime.catch(() => {
    delete holder[runtimeKey];
  });
  return runtime;
}

/** The error the engine rejects with: its user-facing message, without the Rust backtrace. */
export class SchemaEngineError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SchemaEngineError';
  }
}

function toSchemaEngineError(error: unknown): SchemaEngineError {
  if (error instanceof SchemaEngineError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  return new SchemaEngineError(withoutSpanTrace(userFacingMessage(raw)), { cause: error });
}

// Engine errors end with a trace of the Rust spans they crossed ("   0: sql_schema_connector::…"),
// which says nothing to the person migrating.
function withoutSpanTrace(message: string): string {
  const lines = message.split('\n');
  const traceStart = lines.findIndex((line) => /^\s*\d+: [\w:]+::/.test(line));
  return (traceStart === -1 ? lines : lines.slice(0, traceStart)).join('\n').trimEnd();
}

// The engine's errors are sometimes a JSON envelope ({ message, error_code, meta, ... }).
function userFacingMessage(raw: string): string {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && 'message' in parsed) {
      const code = 'error_code' in parsed ? String(parsed.error_code) : undefined;
      const message = String(parsed.message);
      return code ? `${code}: ${message}` : message;
    }
  } catch {
    // Not JSON: the message is already plain text.
  }
  return raw;
}

/**
 * Opens an engine on a driver adapter factory, hands it to `work`, and always frees it after,
 * since the WebAssembly memory behind an engine is not reclaimed by the garbage collector soon.
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
  log: (line: string) => void = () => {},
): Promise<T> {
  const { SchemaEngine: Engine } = await loadRuntime();
  let engine: SchemaEngine;
  try {
    engine = await Engine.new(
      { datamodels: undefined },
      (line: string) => log(line),
      bindMigrationAwareSqlAdapterFactory(adapterFactory),
    );
  } catch (error) {
    throw toSchemaEngineError(error);
  }
  try {
    return await work(engine);
  } catch (error) {
    throw toSchemaEngineError(error);
  } finally {
    engine.free();
  }
}

/** Applies the pending migrations of `migrations`; returns the names it applied, in order. */
export async function applyMigrations(
  engine: SchemaEngine,
  migrations: MigrationList,
): Promise<string[]> {
  const output = await engine.applyMigrations({
    migrationsList: migrations,
    filters: noExternalEntities,
  });
  return output.appliedMigrationNames;
}

/** The SQL that takes the schema from `from` to `to`; empty when there is nothing to change. */
export async function diffScript(
  engine: SchemaEngine,
  from: DiffTarget,
  to: DiffTarget,
): Promise<string> {
  const result = await engine.diff({
    from,
    to,
    script: true,
    exitCode: null,
    filters: noExternalEntities,
  });
  return result.stdout ?? '';
}
