'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';

type Outcome =
  | { kind: 'none' }
  | { kind: 'invalid_credentials' }
  | { kind: 'throttled'; retryAt: number; minutes: number }
  | { kind: 'missing'; fields: string[] }
  | { kind: 'cross_origin' }
  | { kind: 'failed' };

/**
 * Posts the credentials as JSON to /api/auth/sign-in (a route handler, so a throttled attempt is a
 * real 429 with Retry-After), then goes on to `next` with the session cookie set.
 */
export function SignInForm({ next }: { next: string }) {
  const t = useTranslations('AdminSignIn');
  const format = useFormatter();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    try {
      const response = await fetch('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: data.get('email'), password: data.get('password') }),
      });
      if (response.ok) {
        window.location.assign(next);
        return;
      }
      setOutcome(await outcomeOf(response));
    } catch {
      setOutcome({ kind: 'failed' });
    }
    setPending(false);
  }

  const missing = outcome.kind === 'missing' ? outcome.fields : [];
  const message = (() => {
    switch (outcome.kind) {
      case 'none':
        return null;
      case 'throttled':
        return t('throttled', {
          minutes: outcome.minutes,
          time: format.dateTime(new Date(outcome.retryAt), { timeStyle: 'short' }),
        });
      case 'missing':
        return t('missing');
      default:
        return t(outcome.kind);
    }
  })();

  return (
    // method and action matter only before the script runs: a plain POST to the same route, so the
    // password can never end up in the address bar (as a GET form would put it).
    <form
      className="admin-form sign-in-form"
      method="post"
      action="/api/auth/sign-in"
      onSubmit={submit}
      noValidate
      aria-label={t('title')}
    >
      <div className="field">
        <label htmlFor="sign-in-email">{t('email')}</label>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="username"
          aria-invalid={missing.includes('email') || undefined}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="sign-in-password">{t('password')}</label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={missing.includes('password') || undefined}
          required
        />
      </div>
      <div className="admin-form-actions">
        <button type="submit" disabled={pending}>
          {pending ? t('signingIn') : t('submit')}
        </button>
      </div>
      {message ? (
        <p className="form-status form-status-error" role="alert" data-outcome={outcome.kind}>
          {message}
        </p>
      ) : null}
    </form>
  );
}

async function outcomeOf(response: Response): Promise<Outcome> {
  if (response.status === 401) return { kind: 'invalid_credentials' };
  if (response.status === 429) {
    const seconds = Math.max(1, Number(response.headers.get('Retry-After')) || 60);
    return { kind: 'throttled', retryAt: Date.now() + seconds * 1000, minutes: Math.ceil(seconds / 60) };
  }
  if (response.status === 400) {
    const body = (await response.json().catch(() => null)) as { errors?: { parameter?: string }[] } | null;
    return { kind: 'missing', fields: (body?.errors ?? []).map((error) => error.parameter ?? '') };
  }
  if (response.status === 403) return { kind: 'cross_origin' };
  return { kind: 'failed' };
}
