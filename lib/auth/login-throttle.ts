// Sign-in throttling: after MAX_FAILURES failed attempts within WINDOW for one account or one
// address, further attempts are refused until the oldest of those failures leaves the window.
// Failures are counted in the audit log, in PostgreSQL, so every instance sees the same count and
// a restart forgets nothing.
import 'server-only';
import { getPrisma } from '../db';

export const MAX_FAILURES = 5;
export const WINDOW_SECONDS = 15 * 60;

export type ThrottleVerdict = { blocked: false } | { blocked: true; retryAfterSeconds: number };

export async function checkSignInThrottle(email: string, ipAddress: string | null): Promise<ThrottleVerdict> {
  // The MAX_FAILURES-th most recent failure per key: while it is inside the window, the key is
  // blocked until it leaves it.
  const rows = await getPrisma().$queryRaw<{ unblocks_in: number | null }[]>`
    SELECT ceil(extract(epoch FROM (min(at) + make_interval(secs => ${WINDOW_SECONDS}) - now())))::int AS unblocks_in
    FROM (
      (SELECT at FROM audit_entry
        WHERE action = 'sign_in.failure' AND actor_email = ${email}
          AND at > now() - make_interval(secs => ${WINDOW_SECONDS})
        ORDER BY at DESC LIMIT ${MAX_FAILURES})
    ) AS by_account
    HAVING count(*) >= ${MAX_FAILURES}
    UNION ALL
    SELECT ceil(extract(epoch FROM (min(at) + make_interval(secs => ${WINDOW_SECONDS}) - now())))::int
    FROM (
      (SELECT at FROM audit_entry
        WHERE action = 'sign_in.failure' AND ip_address = ${ipAddress}
          AND at > now() - make_interval(secs => ${WINDOW_SECONDS})
        ORDER BY at DESC LIMIT ${MAX_FAILURES})
    ) AS by_address
    HAVING count(*) >= ${MAX_FAILURES}
  `;
  const waits = rows.map((row) => row.unblocks_in ?? 1);
  if (waits.length === 0) return { blocked: false };
  return { blocked: true, retryAfterSeconds: Math.max(1, ...waits) };
}
