'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { FormState } from '@/lib/admin/form-state';

/** What the last submission did, in one sentence beside the button. */
export function FormStatusMessage({
  state,
  pending,
  timeZone,
  savedMessage,
  formLevelFields,
}: {
  state: FormState;
  /** Names of the fields the form has no visible input for. */
  formLevelFields: string[];
  pending: boolean;
  timeZone?: string;
  savedMessage?: string;
}) {
  const t = useTranslations('AdminForm');
  const format = useFormatter();
  if (pending) return <p className="form-status" role="status">{t('saving')}</p>;
  switch (state.status) {
    case 'idle':
      return null;
    case 'saved':
      return (
        <p className="form-status form-status-saved" role="status">
          {savedMessage ?? t('saved')}
          {state.replayed ? ` ${t('replayed')}` : null}
        </p>
      );
    case 'invalid': {
      // Fields with no input of their own (hidden ones, the input as a whole) are explained here;
      // the others beside their input.
      const unplaced = state.errors.filter((error) => formLevelFields.includes(error.field));
      return (
        <div className="form-status form-status-error" role="alert">
          <p>{t('invalid', { count: state.errors.length })}</p>
          {unplaced.length > 0 ? (
            <ul>
              {unplaced.map((error) => (
                <li key={error.field}>{t('formError', { message: error.message })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      );
    }
    case 'conflict': {
      const current = state.current;
      return (
        <div className="form-status form-status-error form-conflict" role="alert">
          <p>{t('conflict')}</p>
          {current ? (
            <p data-conflict-current={current.value}>
              {t(current.retracted ? 'conflictRetracted' : 'conflictCurrent', {
                value: format.number(current.value),
                asOf: format.dateTime(new Date(current.asOf), { dateStyle: 'medium', timeStyle: 'short', timeZone }),
                revision: current.revisionId,
              })}
              {current.correctionReason ? ` ${t('conflictReason', { reason: current.correctionReason })}` : null}
            </p>
          ) : null}
          <p>{t('conflictNext')}</p>
        </div>
      );
    }
    case 'refused':
      return (
        <p className="form-status form-status-error" role="alert">
          {t(`refused.${state.reason}`)}
        </p>
      );
    default:
      return (
        <p className="form-status form-status-error" role="alert">
          {t(`status.${state.status}`)}
          {state.status === 'signed_out' ? (
            <>
              {' '}
              <a href="/admin/sign-in" target="_blank" rel="noopener">
                {t('signInAgain')}
              </a>
            </>
          ) : null}
        </p>
      );
  }
}
