// What every write returns, whoever called it: the form renders it, the API sends it as JSON with
// its status. Nothing here throws for bad input: a refusal is a value.
import type { FieldError } from '../../validation/field-errors';

export interface WriteSuccess<T> {
  ok: true;
  status: 201;
  data: T;
  /** True when an earlier request with the same idempotency key already stored this. */
  replayed: boolean;
}

export type WriteFailure =
  | { ok: false; status: 400; error: 'invalid_input'; errors: FieldError[] }
  | { ok: false; status: 404; error: 'not_found'; message: string }
  | {
      ok: false;
      status: 409;
      error: 'conflict';
      message: string;
      /** The revision now in force, so the editor can see what changed under them. */
      current: CurrentRevision | null;
    }
  | { ok: false; status: 409; error: 'idempotency_key_reused'; message: string };

export interface CurrentRevision {
  revisionId: number;
  value: number;
  asOf: string;
  retracted: boolean;
  correctionReason: string | null;
}

export type WriteResult<T> = WriteSuccess<T> | WriteFailure;

export const invalid = (errors: FieldError[]): WriteFailure => ({ ok: false, status: 400, error: 'invalid_input', errors });
export const fieldError = (field: string, message: string): WriteFailure => invalid([{ field, message }]);
export const notFound = (message: string): WriteFailure => ({ ok: false, status: 404, error: 'not_found', message });
