// What an admin form's Server Action answers, for `useActionState`. Plain data only: it travels to
// the browser. Types only, so client components can import it.
import type { FieldError } from '../validation/field-errors';

/** The revision in force, shown to an editor whose correction lost a race. */
export interface CurrentRevisionState {
  revisionId: number;
  value: number;
  asOf: string;
  retracted: boolean;
  correctionReason: string | null;
}

export type FormState =
  | { status: 'idle' }
  | {
      status: 'saved';
      /** The stored row, when the write names one. */
      id?: number | string;
      /** True when a double submit (same idempotency key) was answered from the first save. */
      replayed?: boolean;
      /** A secret shown once (a new API token), never stored in the clear. */
      secret?: string;
    }
  | { status: 'invalid'; errors: FieldError[] }
  | { status: 'conflict'; current: CurrentRevisionState | null }
  | { status: 'signed_out' }
  | { status: 'forbidden' }
  | { status: 'not_found' }
  | { status: 'key_reused' }
  | { status: 'refused'; reason: 'own_account' | 'no_such_user' | 'no_such_token' }
  | { status: 'failed' };

export type FormStatus = FormState['status'];

export const idleState: FormState = { status: 'idle' };

/** Field name of the hidden idempotency key every write form carries. */
export const IDEMPOTENCY_FIELD = 'idempotencyKey';
/** Field name of the hidden operation slug of the operation forms. */
export const OPERATION_FIELD = 'operation';
