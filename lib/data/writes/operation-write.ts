// The shape every write to an operation shares: validate the input with its schema, then, in one
// transaction with the idempotency claim, find the operation and run the write. Each write module
// then says only what is particular to it.
import 'server-only';
import type { z } from 'zod';
import { getPrisma } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import type { Actor } from '../../audit/audit-log';
import { parseInput } from '../../validation/field-errors';
import { forgetOperationReads } from '../read-cache';
import { runWrite } from './idempotency';
import { isFailure, loadWriteOperation, type WriteOperation } from './operation-context';
import { invalid, type WriteResult } from './write-result';

export interface WriteContext<I> {
  tx: Prisma.TransactionClient;
  operation: WriteOperation;
  input: I;
  actor: Actor;
}

export type OperationWrite<T> = (
  actor: Actor,
  operationSlug: string,
  rawInput: unknown,
  idempotencyKey?: string,
) => Promise<WriteResult<T>>;

export function operationWrite<S extends z.ZodType, T>(
  schema: S,
  /** Names the write in idempotency hashes: one key cannot replay as another kind of write. */
  kind: string,
  write: (context: WriteContext<z.infer<S>>) => Promise<WriteResult<T>>,
  /** Turns an error thrown by the transaction into an answer (e.g. a lost race into a 409). */
  recover?: (error: unknown, input: z.infer<S>) => Promise<WriteResult<T> | null>,
): OperationWrite<T> {
  return async (actor, operationSlug, rawInput, idempotencyKey) => {
    const parsed = parseInput(schema, rawInput);
    if (!parsed.ok) return invalid(parsed.errors);
    const input = parsed.data;
    try {
      const result = await runWrite(getPrisma(), { actor, key: idempotencyKey, route: `${kind} ${operationSlug}`, input }, async (tx) => {
        const operation = await loadWriteOperation(tx, operationSlug);
        if (isFailure(operation)) return operation;
        return write({ tx, operation, input, actor });
      });
      // The writer's next read (the page they are sent back to) must show what they wrote.
      if (result.ok) forgetOperationReads(operationSlug);
      return result;
    } catch (error) {
      const recovered = await recover?.(error, input);
      if (recovered) return recovered;
      throw error;
    }
  };
}

export const created = <T>(data: T): WriteResult<T> => ({ ok: true, status: 201, data, replayed: false });
