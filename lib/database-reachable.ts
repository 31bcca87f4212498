// Whether the database answers right now, asked before a page is rendered: a page cannot choose
// its own status once rendering fails, so the question comes first (see proxy.ts). One trivial
// query, bounded, so a database that does not answer costs a page at most PROBE_TIMEOUT_MS.
//
// Pages are what a spike of readers asks for, so the answer is shared: concurrent pages wait for
// one probe, and a success holds for a second. An outage is therefore noticed by pages within a
// second (a page that starts rendering in that second and then fails gets Next.js's 500 page),
// and the database sees at most one probe a second from each instance.
import 'server-only';
import { getPrisma } from './db';

export const PROBE_TIMEOUT_MS = 2_000;
const SUCCESS_HOLDS_MS = 1_000;

let lastSuccessAt = 0;
let probeInFlight: Promise<boolean> | null = null;

export function databaseReachable(): Promise<boolean> {
  if (Date.now() - lastSuccessAt < SUCCESS_HOLDS_MS) return Promise.resolve(true);
  probeInFlight ??= probe()
    .then((reachable) => {
      if (reachable) lastSuccessAt = Date.now();
      return reachable;
    })
    .finally(() => {
      probeInFlight = null;
    });
  return probeInFlight;
}

async function probe(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  try {
    const query = getPrisma()
      .$queryRaw`SELECT 1`
      .then(() => true)
      .catch(() => false);
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
