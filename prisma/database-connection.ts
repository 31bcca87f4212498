// Opening the migration runner's own connection, with failures worded for the person running it:
// one line that names the server, never a driver stack trace.
import pg from 'pg';

const connectTimeoutMs = 10_000;

/** The database could not be reached or refused us; the message is meant to be shown as is. */
export class DatabaseConnectionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseConnectionError';
  }
}

/** "host:port" as the driver will dial it, for messages; never includes the password. */
export function describeServer(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    // A `host` query parameter (a Unix socket folder) overrides the URL's host, as in libpq.
    const host = url.searchParams.get('host') || decodeURIComponent(url.hostname) || 'localhost';
    const port = url.port || url.searchParams.get('port') || '5432';
    return `${host}:${port}`;
  } catch {
    return 'the configured address';
  }
}

export async function connectClient(connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: connectTimeoutMs });
  // A connection dropped while idle emits 'error'; without a listener that would crash the
  // process. The next query on the client fails anyway, and that failure is reported.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw connectionError(connectionString, error);
  }
  return client;
}

export function connectionError(connectionString: string, error: unknown): DatabaseConnectionError {
  const server = describeServer(connectionString);
  const code = errorCode(error);
  const reason = code ? unreachableReasons[code] : timedOut(error) ? 'timed out' : undefined;
  if (reason) {
    return new DatabaseConnectionError(`Cannot reach the database at ${server} (${reason})`, {
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message : String(error);
  const refusal = code ? serverRefusals[code] : undefined;
  return new DatabaseConnectionError(
    `${refusal ?? 'Cannot connect to the database'} at ${server}: ${firstLine(detail)}`,
    { cause: error },
  );
}

const unreachableReasons: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'timed out',
  ENOENT: 'no socket file',
};

// SQLSTATE codes the server answers with when it is there but will not let us in.
const serverRefusals: Record<string, string> = {
  '28P01': 'The database refused the password',
  '28000': 'The database refused the connection',
  '3D000': 'The database does not exist',
  '53300': 'The database has too many connections',
  '57P03': 'The database is starting up or shutting down',
};

function errorCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

function timedOut(error: unknown): boolean {
  return error instanceof Error && /timeout|timed out/i.test(error.message);
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
