'use client';

import { startTransition, useActionState, useEffect, useId, useMemo, useRef, type FormEvent, type ReactNode } from 'react';
import { IDEMPOTENCY_FIELD, idleState, type FormState } from '@/lib/admin/form-state';
import { AdminFormContext } from './form-context';
import { FormStatusMessage } from './form-status-message';
import { useIdempotencyKey } from './idempotency-key';

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A form posting to a Server Action through useActionState. What the editor typed stays in the
 * fields whatever the answer (invalid, conflict, signed out…); only a save clears the form.
 * Without JavaScript it still posts, as a plain form.
 */
export function AdminForm({
  action,
  submitLabel,
  hidden = {},
  timeZone,
  className,
  label,
  savedMessage,
  renderSaved,
  children,
}: {
  action: FormAction;
  submitLabel: string;
  hidden?: Record<string, string>;
  /** Zone of the dates a conflict message shows. */
  timeZone?: string;
  className?: string;
  /** Accessible name of the form. */
  label: string;
  savedMessage?: string;
  renderSaved?: (state: Extract<FormState, { status: 'saved' }>) => ReactNode;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const idPrefix = useId().replace(/[^\w-]/g, '');
  const formRef = useRef<HTMLFormElement>(null);
  const stampKey = useIdempotencyKey(state);

  useEffect(() => {
    if (state.status === 'saved') formRef.current?.reset();
  }, [state]);

  const context = useMemo(() => {
    const errors = new Map(state.status === 'invalid' ? state.errors.map((error) => [error.field, error.message]) : []);
    return { idPrefix, state, errors, timeZone };
  }, [idPrefix, state, timeZone]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    // Sent by hand rather than through React's form action, which would reset the fields.
    event.preventDefault();
    const form = event.currentTarget;
    stampKey(form);
    const formData = new FormData(form);
    startTransition(() => formAction(formData));
  };

  return (
    <AdminFormContext.Provider value={context}>
      <form
        ref={formRef}
        action={formAction}
        onSubmit={submit}
        noValidate
        aria-label={label}
        aria-busy={pending}
        className={className ? `admin-form ${className}` : 'admin-form'}
      >
        <input type="hidden" name={IDEMPOTENCY_FIELD} />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children}
        <div className="admin-form-actions">
          <button type="submit" disabled={pending}>
            {submitLabel}
          </button>
        </div>
        <FormStatusMessage
          state={state}
          pending={pending}
          timeZone={timeZone}
          savedMessage={savedMessage}
          formLevelFields={['', 'replaces', ...Object.keys(hidden)]}
        />
        {state.status === 'saved' && renderSaved ? renderSaved(state) : null}
      </form>
    </AdminFormContext.Provider>
  );
}
