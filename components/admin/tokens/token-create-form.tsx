'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { AdminForm, type FormAction } from '../forms/admin-form';
import { TextField } from '../forms/field';

/** The new token, this once: only its hash is kept, so it can never be shown again. */
function NewToken({ token }: { token: string }) {
  const t = useTranslations('AdminTokens');
  const [copied, setCopied] = useState(false);
  return (
    <div className="new-token" role="status">
      <p>
        <strong>{t('shownOnce')}</strong>
      </p>
      <label htmlFor="new-token-value">{t('newToken')}</label>
      <input id="new-token-value" className="token-value" readOnly value={token} onFocus={(event) => event.currentTarget.select()} />
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(token).then(() => setCopied(true), () => setCopied(false));
        }}
      >
        {copied ? t('copied') : t('copy')}
      </button>
      <p className="muted">{t('copyHint')}</p>
    </div>
  );
}

export function TokenCreateForm({ action }: { action: FormAction }) {
  const t = useTranslations('AdminTokens');
  return (
    <section className="panel admin-section" aria-labelledby="new-token-heading">
      <h2 id="new-token-heading">{t('create')}</h2>
      <AdminForm
        action={action}
        label={t('create')}
        submitLabel={t('createButton')}
        savedMessage={t('created')}
        renderSaved={(state) => (state.secret ? <NewToken key={state.secret} token={state.secret} /> : null)}
      >
        <TextField name="name" label={t('name')} hint={t('nameHint')} required />
      </AdminForm>
    </section>
  );
}
