// The shared middle of the admin Server Actions: read the form, and turn a write service's answer
// (or a refused staff check) into the state the form renders. Authorisation stays in each action.
import 'server-only';
import { revalidatePath } from 'next/cache';
import type { StaffCheck } from '../auth/staff-session';
import type { WriteResult } from '../data/writes/write-result';
import { isValidIdempotencyKey } from '../data/writes/idempotency';
import { formDataToInput } from '../validation/field-errors';
import { IDEMPOTENCY_FIELD, OPERATION_FIELD, type FormState } from './form-state';
import { loggerFor } from '../logger';

export interface WriteForm {
  operationSlug: string;
  /** The form's fields as the nested object the schemas read (hidden fields left out). */
  input: Record<string, unknown>;
  /** Unset when the form sent none (no JavaScript) or a malformed one: the write is then not deduplicated. */
  idempotencyKey: string | undefined;
}

export function readWriteForm(formData: FormData): WriteForm {
  const { [IDEMPOTENCY_FIELD]: key, [OPERATION_FIELD]: operation, ...input } = formDataToInput(formData);
  return {
    operationSlug: typeof operation === 'string' ? operation : '',
    input,
    idempotencyKey: typeof key === 'string' && isValidIdempotencyKey(key) ? key : undefined,
  };
}

/** The state of a refused staff check: the form says so and keeps what was typed. */
export function refusedState(check: Extract<StaffCheck, { ok: false }>): FormState {
  return { status: check.reason };
}

export const adminOperationPath = (slug: string) => `/admin/operations/${encodeURIComponent(slug)}`;

/**
 * The form state of a write's answer. After a save the operation's admin page is re-rendered in
 * the same response, so the history shows the new row; the public page refreshes itself through
 * the change feed. A conflict does not re-render: the editor's form stays as it was, beside the
 * value now in force.
 */
export function writeResultState<T extends { id: number }>(result: WriteResult<T>, operationSlug: string): FormState {
  if (result.ok) {
    revalidatePath(adminOperationPath(operationSlug));
    return { status: 'saved', id: result.data.id, replayed: result.replayed };
  }
  switch (result.error) {
    case 'invalid_input':
      return { status: 'invalid', errors: result.errors };
    case 'not_found':
      return { status: 'not_found' };
    case 'conflict':
      return { status: 'conflict', current: result.current };
    case 'idempotency_key_reused':
      return { status: 'key_reused' };
  }
}

/** Logs an unexpected failure on the server and gives the form a sentence, never the error. */
export function failedState(error: unknown, what: string): FormState {
  loggerFor('admin').error({ err: error }, `admin action ${what} failed`);
  return { status: 'failed' };
}
