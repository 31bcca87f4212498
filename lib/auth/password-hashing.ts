// Staff passwords are hashed with argon2id at OWASP's recommended minimum (19 MiB of memory,
// 2 iterations, 1 lane), in place of better-auth's default scrypt settings, which are weaker.
import { hash, verify } from '@node-rs/argon2';

// `Algorithm` is a const enum in the package's types, which isolated modules cannot inline.
const ARGON2ID = 2;

export const ARGON2ID_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OPTIONS);
}

export async function verifyPassword({ hash: stored, password }: { hash: string; password: string }) {
  // A stored value that is not an argon2 hash (or is corrupt) is a failed sign-in, not a crash.
  return verify(stored, password).catch(() => false);
}

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../validation/staff-input';
