// A CSP nonce: 128 random bits, fresh for every request, so a script an attacker slips into a
// page cannot carry the right one.
import { randomBytes } from 'node:crypto';

export function createNonce(): string {
  return randomBytes(16).toString('base64');
}
