import { useFormatter, useTranslations } from 'next-intl';
import type { ApiTokenDto } from '@/lib/auth/api-tokens';
import { AdminForm, type FormAction } from '../forms/admin-form';

/** The signed-in person's tokens: which is which (prefix), when made and last used, revoked or not. */
export function TokenList({ tokens, revoke }: { tokens: ApiTokenDto[]; revoke: FormAction }) {
  const t = useTranslations('AdminTokens');
  const format = useFormatter();
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : t('never');
  return (
    <section className="admin-section" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('yours')}</h2>
      {tokens.length === 0 ? <p className="muted">{t('none')}</p> : null}
      <ul className="plain-list">
        {tokens.map((token) => (
          <li key={token.id} className="panel token" data-token={token.id}>
            <p>
              <strong>{token.name}</strong> <code>{token.prefix}…</code>{' '}
              {token.revokedAt ? <span className="status-badge status-retracted">{t('revoked')}</span> : null}
            </p>
            <dl className="revision-details">
              <dt>{t('createdAt')}</dt>
              <dd>{when(token.createdAt)}</dd>
              <dt>{t('lastUsed')}</dt>
              <dd>{when(token.lastUsedAt)}</dd>
              {token.revokedAt ? (
                <>
                  <dt>{t('revokedAt')}</dt>
                  <dd>{when(token.revokedAt)}</dd>
                </>
              ) : null}
            </dl>
            {token.revokedAt ? null : (
              <AdminForm
                action={revoke}
                hidden={{ id: String(token.id) }}
                label={t('revokeLabel', { name: token.name })}
                submitLabel={t('revoke')}
                savedMessage={t('revokedNow')}
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
