'use client';

import { useTranslations } from 'next-intl';
import { AdminForm, type FormAction } from '../forms/admin-form';
import { SelectField, TextField } from '../forms/field';

/** A new staff account with an initial password the admin hands over (no sign-up, no email). */
export function UserCreateForm({ action, minPasswordLength }: { action: FormAction; minPasswordLength: number }) {
  const t = useTranslations('AdminUsers');
  return (
    <section className="panel admin-section" aria-labelledby="new-user-heading">
      <h2 id="new-user-heading">{t('create')}</h2>
      <AdminForm action={action} label={t('create')} submitLabel={t('createButton')} savedMessage={t('created')}>
        <div className="field-grid">
          <TextField name="email" label={t('email')} type="email" required />
          <TextField name="name" label={t('name')} required />
          <SelectField
            name="role"
            label={t('role')}
            defaultValue="editor"
            options={[
              { value: 'editor', label: t('roles.editor') },
              { value: 'admin', label: t('roles.admin') },
            ]}
            required
          />
          <TextField
            name="password"
            label={t('password')}
            type="password"
            autoComplete="new-password"
            hint={t('passwordHint', { min: minPasswordLength })}
            required
          />
        </div>
      </AdminForm>
    </section>
  );
}
