// Whether the database answers right now, asked before a page is rendered: a page cannot choose
// its own status once rendering fails, so the question comes first (see proxy.ts). One trivial
// query, bounded, so a database that does not answer costs a page at most PROBE_TIMEOUT_MS.
import 'server-only';
import { getPrisma } from './db';

export const PROBE_TIMEOUT_MS = 2_000;

export async function databaseReachable(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  try {
    const probe = getPrisma()
      .$queryRaw`SELECT 1`
      .then(() => true)
      .catch(() => false);
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
