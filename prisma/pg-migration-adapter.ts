// The driver adapter the schema engine applies migrations through: @prisma/adapter-pg, except
// for how a migration script is sent.
//
// Why: adapter-pg's `executeScript` splits the script on every ";" and runs the pieces one by
// one, on whichever pooled connection is free. That breaks any migration with a function body or
// a ";" inside a string (our init migration has both), and a failure half-way leaves the first
// half applied. Sent as one simple-protocol query, the script runs in one implicit transaction,
// all or nothing, as with Prisma's native engine.
import { PrismaPg } from '@prisma/adapter-pg';
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type pg from 'pg';

export function migrationAdapterFactory(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPg(pool);
  const wholeScripts = <T extends SqlDriverAdapter>(adapter: T): T => {
    adapter.executeScript = async (script: string) => {
      try {
        // No parameters: node-postgres uses the simple protocol, which accepts many statements.
        await pool.query(script);
      } catch (error) {
        throw toDriverAdapterError(error);
      }
    };
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => wholeScripts(await inner.connect()),
    connectToShadowDb: async () => wholeScripts(await inner.connectToShadowDb()),
  };
}

interface PgServerError {
  message: string;
  code?: string;
  severity?: string;
  detail?: string;
  column?: string;
  hint?: string;
}

// The same shape adapter-pg gives server errors, so the engine words them as it usually does.
function toDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const fields = error as Error & PgServerError;
  return new DriverAdapterError({
    kind: 'postgres',
    code: fields.code ?? 'N/A',
    severity: fields.severity ?? 'N/A',
    message: fields.message,
    detail: fields.detail,
    column: fields.column,
    hint: fields.hint,
  });
}
