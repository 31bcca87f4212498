// At-most-once writes. A request that carries an idempotency key claims it (user, key) in the same
// transaction as the write: a retry or a double submit with the same body gets the stored answer
// and stores nothing; the same key with a different body is refused (409). A second request
// arriving while the first is still running waits on the unique index, then sees its answer.
import 'server-only';
import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { Actor } from '../../audit/audit-log';
import type { WriteResult } from './write-result';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** Keys are opaque to us, but printable and bounded (a UUID fits). */
export function isValidIdempotencyKey(key: string): boolean {
  return key.length > 0 && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH && /^[\x21-\x7e]+$/.test(key);
}

/** A stable hash of what the request asks for: key order in the JSON does not matter. */
export function requestHash(route: string, input: unknown): string {
  return createHash('sha256').update(route).update('\n').update(stableJson(input)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Thrown inside the transaction to roll it back and hand a refusal to the caller. */
class Refusal<T> extends Error {
  constructor(readonly result: WriteResult<T>) {
    super('refused');
  }
}

export interface IdempotentWrite {
  actor: Actor;
  /** Unset: no idempotency (each call writes). */
  key?: string;
  /** Names the kind of write, so one key cannot replay as another kind. */
  route: string;
  input: unknown;
}

/**
 * Runs `write` in one transaction with the key's claim: everything it stores, its audit entry and
 * the stored answer commit together or not at all. `write` returns a refusal to roll back.
 */
export async function runWrite<T>(
  prisma: PrismaClient,
  request: IdempotentWrite,
  write: (tx: Prisma.TransactionClient) => Promise<WriteResult<T>>,
): Promise<WriteResult<T>> {
  const hash = requestHash(request.route, request.input);
  try {
    return await prisma.$transaction(
      async (tx) => {
        if (request.key !== undefined) {
          const claimed = await tx.$queryRaw<{ id: number }[]>`
            INSERT INTO idempotency_key (user_id, key, request_hash)
            VALUES (${request.actor.userId}, ${request.key}, ${hash})
            ON CONFLICT (user_id, key) DO NOTHING
            RETURNING id`;
          if (claimed.length === 0) return replay<T>(tx, request.actor.userId, request.key, hash);
        }
        const result = await write(tx);
        if (!result.ok) throw new Refusal(result);
        if (request.key !== undefined) {
          await tx.idempotencyKey.update({
            where: { userId_key: { userId: request.actor.userId, key: request.key } },
            data: { statusCode: result.status, responseBody: result.data as Prisma.InputJsonValue },
          });
        }
        return result;
      },
      { maxWait: 10_000, timeout: 15_000 },
    );
  } catch (error) {
    if (error instanceof Refusal) return error.result as WriteResult<T>;
    throw error;
  }
}

async function replay<T>(
  tx: Prisma.TransactionClient,
  userId: string,
  key: string,
  hash: string,
): Promise<WriteResult<T>> {
  const stored = await tx.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
  if (!stored || stored.requestHash !== hash || stored.statusCode === null) {
    return {
      ok: false,
      status: 409,
      error: 'idempotency_key_reused',
      message: 'This idempotency key was already used for a different request.',
    };
  }
  return { ok: true, status: 201, data: stored.responseBody as T, replayed: true };
}
