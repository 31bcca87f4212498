// Who may write through the API: a live token of an enabled editor, or a live staff session whose
// request comes from this site. Everyone else gets 401 or 403 on every write route, and nothing is
// stored. Sessions and tokens are made through the real doors (admin:create, POST sign-in).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDatabase, startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';
import { createApiTokenFor, createStaffAccount, signIn, type StaffAccount } from '../support/staff';
import { eventInput, figureInput, rowCounts, seededFigureId, writeClient, writeRoutes, type Credentials } from '../support/write-api';

let running: AppOnFreshDatabase;
let editor: StaffAccount;
let seededId: number;

const sql = (text: string, values: unknown[] = []) => queryDatabase(running.databaseUrl, text, values);

/** The session token inside a "name=token.signature" cookie, as auth_session.token stores it. */
const sessionToken = (cookie: string) => decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1)).split('.')[0];

async function post(credentials: Credentials, path = 'kabul-2021/figures', body: unknown = figureInput()) {
  const before = await rowCounts(running.databaseUrl);
  const response = await writeClient(running.app.url, credentials).post(path, body);
  const json = await response.json();
  const storedNothing = async () => expect(await rowCounts(running.databaseUrl)).toEqual(before);
  return { status: response.status, headers: response.headers, body: json, storedNothing };
}

/** A session cookie whose session is then aged in the database by `age` (SQL SET clause). */
async function agedSession(age: string): Promise<string> {
  const cookie = await signIn(running.app.url, editor);
  await sql(`UPDATE auth_session SET ${age} WHERE token = $1`, [sessionToken(cookie)]);
  return cookie;
}

beforeAll(async () => {
  running = await startAppOnFreshDatabase('write-auth');
  editor = await createStaffAccount(running.databaseUrl, 'editor');
  seededId = await seededFigureId(running.databaseUrl);
});

afterAll(async () => {
  await running?.stop();
});

describe('a staff session cookie', () => {
  it('may write from a page of this site (Origin matches); the audit entry names the user and the API', async () => {
    const cookie = await signIn(running.app.url, editor);
    const response = await post({ cookie, origin: running.app.url });
    expect(response.status).toBe(201);
    const { rows } = await sql(
      `SELECT a.channel, a.actor_email, u.email AS user_email FROM audit_entry a JOIN app_user u ON u.id = a.actor_user_id
        WHERE a.entity_type = 'figure' AND a.entity_id = $1`,
      [String(response.body.id)],
    );
    expect(rows).toEqual([{ channel: 'api', actor_email: editor.email, user_email: editor.email }]);
  });

  it.each([
    ['from another site', 'https://evil.example'],
    ['with an opaque origin', 'null'],
    ['without an Origin header', undefined],
  ])('is refused with 403 %s', async (_what, origin) => {
    const cookie = await signIn(running.app.url, editor);
    const response = await post({ cookie, origin });
    expect(response.status).toBe(403);
    expect(response.body.error).toBe('cross_origin');
    await response.storedNothing();
  });

  it('is refused with 401 when forged: unknown token, or a real token with a tampered signature', async () => {
    const real = await signIn(running.app.url, editor);
    const name = real.slice(0, real.indexOf('='));
    const [token, signature = ''] = decodeURIComponent(real.slice(name.length + 1)).split('.');
    const tampered = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    for (const cookie of [
      `${name}=forged-session-token.c2lnbmF0dXJl`,
      `${name}=${encodeURIComponent(`${token}.${tampered}`)}`,
      `${name}=${token}`,
    ]) {
      const response = await post({ cookie, origin: running.app.url });
      expect(response.status, cookie).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      await response.storedNothing();
    }
  });

  it('is refused with 401 past the session’s absolute end', async () => {
    const cookie = await agedSession(`expires_at = now() - interval '1 second'`);
    const response = await post({ cookie, origin: running.app.url });
    expect(response.status).toBe(401);
    await response.storedNothing();
  });

  it('is refused with 401 after 31 minutes idle, and the session is ended in the database', async () => {
    const cookie = await agedSession(`last_seen_at = now() - interval '31 minutes'`);
    const response = await post({ cookie, origin: running.app.url });
    expect(response.status).toBe(401);
    await response.storedNothing();
    expect((await sql('SELECT 1 FROM auth_session WHERE token = $1', [sessionToken(cookie)])).rowCount).toBe(0);
  });
});

describe('an API token', () => {
  it('is refused with 401 once revoked, though it worked a moment before', async () => {
    const token = await createApiTokenFor(running.databaseUrl, editor.email, 'to revoke');
    expect((await post({ token }, 'kabul-2021/events', eventInput())).status).toBe(201);
    await sql(`UPDATE api_token SET revoked_at = now() WHERE name = 'to revoke'`);
    const response = await post({ token });
    expect(response.status).toBe(401);
    await response.storedNothing();
  });

  it('is refused with 401 when its owner is disabled, and so is their session', async () => {
    const leaver = await createStaffAccount(running.databaseUrl, 'editor');
    const token = await createApiTokenFor(running.databaseUrl, leaver.email);
    const cookie = await signIn(running.app.url, leaver);
    await sql('UPDATE app_user SET disabled = true WHERE email = $1', [leaver.email]);
    for (const credentials of [{ token }, { cookie, origin: running.app.url }]) {
      const response = await post(credentials);
      expect(response.status).toBe(401);
      await response.storedNothing();
    }
  });

  it.each([
    ['an unknown token', 'Bearer evac_not-a-token-we-issued'],
    ['a token without the evac_ prefix', 'Bearer 0123456789abcdef'],
    ['Basic credentials', `Basic ${Buffer.from('editor:password').toString('base64')}`],
    ['an empty Bearer', 'Bearer'],
  ])('is refused with 401 for %s', async (_what, authorization) => {
    const before = await rowCounts(running.databaseUrl);
    const response = await fetch(`${running.app.url}/api/operations/kabul-2021/figures`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: authorization },
      body: JSON.stringify(figureInput()),
    });
    expect(response.status).toBe(401);
    expect((await response.json()).error).toBe('unauthenticated');
    expect(await rowCounts(running.databaseUrl)).toEqual(before);
  });
});

describe('every write route refuses whoever may not write', () => {
  const credentials: Record<string, () => Promise<[Credentials, number]>> = {
    anonymous: async () => [{}, 401],
    'an expired session': async () => [{ cookie: await agedSession(`expires_at = now() - interval '1 second'`), origin: running.app.url }, 401],
    'a forged cookie': async () => [{ cookie: '__Host-evac.session_token=forged.c2ln', origin: running.app.url }, 401],
    'a session from another origin': async () => [{ cookie: await signIn(running.app.url, editor), origin: 'https://evil.example' }, 403],
    'a revoked token': async () => {
      const token = await createApiTokenFor(running.databaseUrl, editor.email, 'revoked at once');
      await sql(`UPDATE api_token SET revoked_at = now() WHERE name = 'revoked at once'`);
      return [{ token }, 401];
    },
  };

  it.each(Object.keys(credentials))('%s', async (who) => {
    const [credential, status] = await credentials[who]!();
    for (const [route, body] of writeRoutes(seededId)) {
      const response = await post(credential, `kabul-2021/${route}`, body);
      expect(response.status, `${who} on ${route}`).toBe(status);
      expect(response.headers.get('cache-control')).toBe('no-store');
      await response.storedNothing();
    }
  });
});
