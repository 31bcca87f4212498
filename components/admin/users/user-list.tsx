import { useFormatter, useTranslations } from 'next-intl';
import type { StaffUserDto } from '@/lib/auth/staff-users';
import { AdminForm, type FormAction } from '../forms/admin-form';

/** Every staff account, with a way to disable (or enable again) all but one's own. */
export function UserList({ users, selfId, setDisabled }: { users: StaffUserDto[]; selfId: string; setDisabled: FormAction }) {
  const t = useTranslations('AdminUsers');
  const format = useFormatter();
  return (
    <section className="admin-section" aria-labelledby="users-heading">
      <h2 id="users-heading">{t('list')}</h2>
      <ul className="plain-list">
        {users.map((user) => (
          <li key={user.id} className="panel user" data-user={user.email}>
            <p>
              <strong>{user.name}</strong> {user.email}{' '}
              <span className="status-badge">{t(`roles.${user.role}`)}</span>{' '}
              {user.disabled ? <span className="status-badge status-retracted">{t('disabled')}</span> : null}
            </p>
            <p className="muted">
              {t('since', { date: format.dateTime(new Date(user.createdAt), { dateStyle: 'medium', timeZone: 'UTC' }) })}
            </p>
            {user.id === selfId ? (
              <p className="muted">{t('you')}</p>
            ) : (
              <AdminForm
                action={setDisabled}
                hidden={{ userId: user.id, disabled: user.disabled ? 'false' : 'true' }}
                label={t(user.disabled ? 'enableLabel' : 'disableLabel', { email: user.email })}
                submitLabel={t(user.disabled ? 'enable' : 'disable')}
                className="inline-form"
              >
                {null}
              </AdminForm>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
