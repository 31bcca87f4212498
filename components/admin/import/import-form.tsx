'use client';
// The upload form: "Check the file" asks the Server Action for a preview of every row; once the
// file checks out, "Import" sends the same file again with the fingerprint of the one checked,
// and the action stores it. The form is submitted by hand (not through React's form action),
// because React resets a form after its action, which would empty the file input between the
// check and the import; without JavaScript the plain form action still works.
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import type { ImportActionState } from '@/lib/csv/import/action-state';
import { ImportReportView } from './import-report';
import './import.css';

export interface ImportFormProps {
  action: (state: ImportActionState, formData: FormData) => Promise<ImportActionState>;
  maxBytes: number;
  signInUrl: string;
}

const INITIAL: ImportActionState = { status: 'idle' };

/** What the file input holds now, to tell whether the checked file is still the chosen one. */
const fileIdentity = (file: File | undefined) => (file ? `${file.name}\u0000${file.size}\u0000${file.lastModified}` : '');

export function ImportForm({ action, maxBytes, signInUrl }: ImportFormProps) {
  const t = useTranslations('Import');
  const [state, dispatch, pending] = useActionState(action, INITIAL);
  const [checkedFile, setCheckedFile] = useState<string | null>(null);
  const [chosenFile, setChosenFile] = useState('');
  const [clientError, setClientError] = useState<'noFile' | 'tooLarge' | null>(null);
  const [intent, setIntent] = useState<'preview' | 'commit'>('preview');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    const file = formData.get('file');
    if (!(file instanceof File) || file.name === '') return setClientError('noFile');
    // Not sent at all: the server would refuse it, after the whole upload.
    if (file.size > maxBytes) return setClientError('tooLarge');
    setClientError(null);
    setIntent(formData.get('intent') === 'commit' ? 'commit' : 'preview');
    setCheckedFile(fileIdentity(file));
    startTransition(() => dispatch(formData));
  }

  const report = state.status === 'reported' ? state.report : null;
  const fileChanged = checkedFile !== null && chosenFile !== checkedFile;
  const canCommit =
    report?.status === 'checked' && !report.commitRefused && report.counts.error === 0 && report.counts.ok > 0 && !fileChanged;
  const limit = Math.round(maxBytes / (1024 * 1024));

  return (
    <form className="import-form" action={dispatch} onSubmit={onSubmit} noValidate>
      <div className="import-field">
        <label htmlFor="import-file">{t('fileLabel')}</label>
        <input
          id="import-file"
          type="file"
          name="file"
          accept=".csv,text/csv"
          required
          aria-invalid={clientError !== null}
          aria-describedby="import-file-hint"
          onChange={(event) => setChosenFile(fileIdentity(event.currentTarget.files?.[0]))}
        />
        <p id="import-file-hint" className="muted">
          {t('fileHint')}
        </p>
      </div>
      <div className="import-actions">
        <button type="submit" name="intent" value="preview" disabled={pending}>
          {pending && intent === 'preview' ? t('checking') : t('check')}
        </button>
        {canCommit && report?.status === 'checked' && report.file.sha256 ? (
          <>
            <input type="hidden" name="previewed" value={report.file.sha256} />
            <button type="submit" name="intent" value="commit" className="import-commit" disabled={pending}>
              {pending && intent === 'commit' ? t('committing') : t('commit', { count: report.counts.ok })}
            </button>
          </>
        ) : null}
      </div>

      <div role="status" aria-live="polite" className="import-live">
        {pending ? <p>{intent === 'commit' ? t('committing') : t('checking')}</p> : null}
      </div>
      {clientError ? (
        <p role="alert" className="notice notice-error">
          {clientError === 'noFile' ? t('noFile') : t('tooLarge', { limit })}
        </p>
      ) : null}
      {fileChanged && report ? <p className="notice">{t('fileChanged')}</p> : null}
      {!pending ? <Outcome state={state} signInUrl={signInUrl} /> : null}
    </form>
  );
}

function Outcome({ state, signInUrl }: { state: ImportActionState; signInUrl: string }) {
  const t = useTranslations('Import');
  switch (state.status) {
    case 'idle':
      return null;
    case 'reported':
      return <ImportReportView report={state.report} intent={state.intent} />;
    case 'signed_out':
      return (
        <p role="alert" className="notice notice-error">
          {t('signedOut')} <a href={signInUrl}>{t('signIn')}</a>
        </p>
      );
    default:
      return (
        <p role="alert" className="notice notice-error">
          {t(state.status === 'forbidden' ? 'forbidden' : state.status === 'no_file' ? 'noFile' : 'failed')}
        </p>
      );
  }
}
