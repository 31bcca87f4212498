'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { fieldId, useAdminForm } from './form-context';

/** What a field's control needs to be labelled, described and marked invalid. */
export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
  'aria-required': boolean | undefined;
}

/**
 * A label, the control, a hint and the server's message for this field, tied together by ids so
 * a screen reader reads them with the control.
 */
export function Field({
  name,
  label,
  hint,
  required = false,
  className,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const t = useTranslations('AdminForm');
  const { idPrefix, errors } = useAdminForm();
  const id = fieldId(idPrefix, name);
  const error = errors.get(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="field-required"> {t('required')}</span> : null}
      </label>
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
      {children({
        id,
        name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required || undefined,
      })}
      {error ? (
        <span id={errorId} className="field-error">
          {t('fieldError', { label, message: error })}
        </span>
      ) : null}
    </div>
  );
}

/** A text input in a Field. */
export function TextField({
  name,
  label,
  hint,
  required,
  type = 'text',
  inputMode,
  autoComplete,
  defaultValue,
}: {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'url' | 'email' | 'password' | 'date' | 'datetime-local';
  inputMode?: 'numeric' | 'text';
  autoComplete?: string;
  defaultValue?: string;
}) {
  return (
    <Field name={name} label={label} hint={hint} required={required}>
      {(props) => (
        <input {...props} type={type} inputMode={inputMode} autoComplete={autoComplete ?? 'off'} defaultValue={defaultValue} />
      )}
    </Field>
  );
}

export function TextAreaField({ name, label, hint, required }: { name: string; label: string; hint?: string; required?: boolean }) {
  return (
    <Field name={name} label={label} hint={hint} required={required}>
      {(props) => <textarea {...props} rows={3} />}
    </Field>
  );
}

export function SelectField({
  name,
  label,
  options,
  hint,
  required,
  defaultValue,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  hint?: string;
  required?: boolean;
  defaultValue?: string;
}) {
  return (
    <Field name={name} label={label} hint={hint} required={required}>
      {(props) => (
        <select {...props} defaultValue={defaultValue}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const { idPrefix, errors } = useAdminForm();
  const id = fieldId(idPrefix, name);
  const error = errors.get(name);
  return (
    <div className="field field-checkbox">
      <input id={id} name={name} type="checkbox" aria-describedby={hint ? `${id}-hint` : undefined} aria-invalid={error ? true : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      ) : null}
      {error ? <span className="field-error">{error}</span> : null}
    </div>
  );
}

/** One choice among a few, as radio buttons in a fieldset. */
export function RadioField({
  name,
  legend,
  options,
  defaultValue,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  defaultValue: string;
}) {
  const { idPrefix, errors } = useAdminForm();
  const error = errors.get(name);
  return (
    <fieldset className="field field-radios">
      <legend>{legend}</legend>
      {options.map((option) => {
        const id = fieldId(idPrefix, `${name}-${option.value}`);
        return (
          <span key={option.value} className="radio">
            <input id={id} type="radio" name={name} value={option.value} defaultChecked={option.value === defaultValue} />
            <label htmlFor={id}>{option.label}</label>
          </span>
        );
      })}
      {error ? <span className="field-error">{error}</span> : null}
    </fieldset>
  );
}
