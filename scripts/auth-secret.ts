// The key that signs session cookies. Set AUTH_SECRET in production (every instance behind one
// load balancer needs the same one). Unset, a random key is made once and kept beside the
// embedded data, so sessions survive a restart of a single instance; it is never committed.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function authSecretFor(
  configured: string | undefined,
  dataRoot: string,
  log: (line: string) => void = (line) => console.log(line),
): string {
  if (configured) return configured;
  const file = join(dataRoot, 'auth-secret');
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  } catch {
    // not made yet
  }
  mkdirSync(dataRoot, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  log(`AUTH_SECRET is not set: using a generated key kept in ${file}`);
  return secret;
}
