// Readiness: can this instance serve? The database must answer, and every migration in the
// folder the app was built with must be applied (an instance started before `db:migrate` finished
// would otherwise serve queries against an old schema). Bounded, so a load balancer's probe never
// hangs on a database that does not answer.
import 'server-only';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getPrisma } from './db';

const CHECK_TIMEOUT_MS = 3_000;

export type Readiness = { ready: true } | { ready: false; reason: string };

function migrationsOnDisk(): string[] {
  const dir = join(process.cwd(), 'prisma', 'migrations');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function check(): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const rows = await getPrisma().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = new Set(rows.map((row) => row.migration_name));
  } catch {
    return { ready: false, reason: 'database unreachable' };
  }
  const pending = migrationsOnDisk().filter((name) => !applied.has(name));
  return pending.length === 0 ? { ready: true } : { ready: false, reason: `migrations pending: ${pending.join(', ')}` };
}

export async function checkReadiness(): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, reason: 'database did not answer in time' }), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
