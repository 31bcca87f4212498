// Every mutating Server Action of the admin area, called over real HTTP as the Next.js client
// calls it, by everyone who must be refused: nobody, a forged cookie, an expired or idle session,
// an editor at an admin-only action, a page on another site. Each is refused and nothing is
// stored. The same calls by a signed-in admin from this site do store, so the refusals are not an
// artefact of a bad request.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDatabase, startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';
import { callServerAction, serverActionIds, type ActionResponse } from '../support/server-actions';
import { createApiTokenFor, createStaffAccount, signIn, type StaffAccount } from '../support/staff';

const OPERATION_PAGE = '/admin/operations/kabul-2021';
let running: AppOnFreshDatabase;
let ids: Map<string, string>;
let admin: StaffAccount;
let editor: StaffAccount;
const cookies: Record<'admin' | 'editor' | 'expired' | 'idle', string> = { admin: '', editor: '', expired: '', idle: '' };
let seedFigureId: number;
let adminTokenId: number;
let editorUserId: string;

const source = { 'source.publisher': 'Test desk', 'source.title': 'Authorisation test' };

interface MutatingAction {
  name: string;
  page: string;
  adminOnly: boolean;
  fields?: () => Record<string, string> | Promise<Record<string, string>>;
}

const actions: MutatingAction[] = [
  {
    name: 'addFigureAction',
    page: OPERATION_PAGE,
    adminOnly: false,
    fields: () => ({ operation: 'kabul-2021', group: 'all-evacuees', value: '30000', kind: 'cumulative', basisStart: '2021-08-14', asOf: '2021-08-24T08:00', ...source }),
  },
  {
    name: 'correctFigureAction',
    page: OPERATION_PAGE,
    adminOnly: false,
    fields: async () => ({ operation: 'kabul-2021', replaces: await seedFigureInForce(), value: '25200', reason: 'Test', ...source }),
  },
  {
    name: 'retractFigureAction',
    page: OPERATION_PAGE,
    adminOnly: false,
    fields: async () => ({ operation: 'kabul-2021', replaces: await seedFigureInForce(), reason: 'Test', ...source }),
  },
  {
    name: 'addTargetAction',
    page: OPERATION_PAGE,
    adminOnly: false,
    fields: () => ({ operation: 'kabul-2021', group: 'afghans', low: '1', high: '2', deadline: '2021-08-31', ...source }),
  },
  {
    name: 'addEventAction',
    page: OPERATION_PAGE,
    adminOnly: false,
    fields: () => ({ operation: 'kabul-2021', kind: 'incident', title: 'Test event', reportedAt: '2021-08-24T09:00', ...source }),
  },
  {
    name: 'addStatementAction',
    page: OPERATION_PAGE,
    adminOnly: false,
    fields: () => ({ operation: 'kabul-2021', speaker: 'Someone', saidAt: '2021-08-24T10:00', quote: 'Test', stance: 'doubtful', ...source }),
  },
  { name: 'createTokenAction', page: '/admin/tokens', adminOnly: false, fields: () => ({ name: 'authz test' }) },
  { name: 'revokeTokenAction', page: '/admin/tokens', adminOnly: false, fields: () => ({ id: String(adminTokenId) }) },
  {
    name: 'createUserAction',
    page: '/admin/users',
    adminOnly: true,
    fields: () => ({ email: `new-${randomBytes(4).toString('hex')}@example.org`, name: 'New', role: 'admin', password: 'a long enough password' }),
  },
  { name: 'setUserDisabledAction', page: '/admin/users', adminOnly: true, fields: () => ({ userId: editorUserId, disabled: 'true' }) },
  { name: 'signOutAction', page: '/admin', adminOnly: false },
];

/** The latest revision of the seed figure: what an editor's form would name. */
async function seedFigureInForce(): Promise<string> {
  const { rows } = await queryDatabase(
    running.databaseUrl,
    `WITH RECURSIVE chain AS (
       SELECT id FROM figure WHERE id = $1
       UNION ALL SELECT f.id FROM figure f JOIN chain c ON f.replaces_id = c.id
     ) SELECT max(id) AS id FROM chain`,
    [seedFigureId],
  );
  return String(rows[0].id);
}

/** Everything a write could leave behind. */
async function storedState(): Promise<Record<string, string>> {
  const { rows } = await queryDatabase(
    running.databaseUrl,
    `SELECT (SELECT count(*) FROM figure) AS figures, (SELECT count(*) FROM target) AS targets,
            (SELECT count(*) FROM event) AS events, (SELECT count(*) FROM statement) AS statements,
            (SELECT count(*) FROM source) AS sources, (SELECT count(*) FROM idempotency_key) AS idempotency_keys,
            (SELECT count(*) FROM api_token) AS tokens, (SELECT count(*) FROM api_token WHERE revoked_at IS NOT NULL) AS revoked_tokens,
            (SELECT count(*) FROM app_user) AS users, (SELECT count(*) FROM app_user WHERE disabled) AS disabled_users,
            (SELECT count(*) FROM auth_session s JOIN app_user u ON u.id = s.user_id WHERE u.email = $1) AS admin_sessions,
            (SELECT count(*) FROM audit_entry WHERE action NOT LIKE 'sign_in.%') AS audit_entries`,
    [admin.email],
  );
  return rows[0] as Record<string, string>;
}

async function call(action: MutatingAction, identity: { cookie?: string; origin?: string }): Promise<ActionResponse> {
  const id = ids.get(action.name);
  if (!id) throw new Error(`No action ${action.name} in the build's server reference manifest`);
  const fields = action.fields ? { ...(await action.fields()), idempotencyKey: randomUUID() } : undefined;
  return callServerAction(running.app.url, { id, page: action.page, fields, args: fields ? undefined : [], ...identity });
}

beforeAll(async () => {
  ids = serverActionIds();
  running = await startAppOnFreshDatabase('admin-authz');
  const url = running.databaseUrl;
  [admin, editor] = [await createStaffAccount(url, 'admin'), await createStaffAccount(url, 'editor')];
  const [expiredAdmin, idleAdmin] = [await createStaffAccount(url, 'admin'), await createStaffAccount(url, 'admin')];
  cookies.admin = await signIn(running.app.url, admin);
  cookies.editor = await signIn(running.app.url, editor);
  cookies.expired = await signIn(running.app.url, expiredAdmin);
  cookies.idle = await signIn(running.app.url, idleAdmin);
  const sessionOf = `(SELECT id FROM app_user WHERE email = $1)`;
  await queryDatabase(url, `UPDATE auth_session SET expires_at = now() - interval '1 minute' WHERE user_id = ${sessionOf}`, [expiredAdmin.email]);
  await queryDatabase(url, `UPDATE auth_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = ${sessionOf}`, [idleAdmin.email]);
  seedFigureId = (await queryDatabase(url, 'SELECT id FROM figure WHERE value = 25100')).rows[0].id;
  await createApiTokenFor(url, admin.email, 'to revoke');
  adminTokenId = (await queryDatabase(url, `SELECT id FROM api_token WHERE name = 'to revoke'`)).rows[0].id;
  editorUserId = (await queryDatabase(url, 'SELECT id FROM app_user WHERE email = $1', [editor.email])).rows[0].id;
});

afterAll(async () => {
  await running?.stop();
});

const forgedCookie = () => `__Host-evac.session_token=${randomBytes(24).toString('base64url')}.${randomBytes(32).toString('base64url')}`;

describe('the admin Server Actions over HTTP', () => {
  it('finds every mutating action in the build', () => {
    for (const action of actions) expect(ids.has(action.name), action.name).toBe(true);
  });

  const refusedIdentities: { who: string; identity: () => { cookie?: string; origin?: string }; answer: RegExp | number }[] = [
    { who: 'nobody (no cookie)', identity: () => ({}), answer: /"status":"signed_out"/ },
    { who: 'a forged session cookie', identity: () => ({ cookie: forgedCookie() }), answer: /"status":"signed_out"/ },
    { who: 'an admin whose session expired', identity: () => ({ cookie: cookies.expired }), answer: /"status":"signed_out"/ },
    { who: 'an admin idle for 31 minutes', identity: () => ({ cookie: cookies.idle }), answer: /"status":"signed_out"/ },
    { who: 'a page on another site, with a signed-in admin’s cookie', identity: () => ({ cookie: cookies.admin, origin: 'https://evil.example' }), answer: 500 },
  ];

  for (const { who, identity, answer } of refusedIdentities) {
    it(`refuses ${who} at every action and stores nothing`, async () => {
      const before = await storedState();
      for (const action of actions) {
        const response = await call(action, identity());
        if (typeof answer === 'number') expect(response.status, action.name).toBe(answer);
        else if (action.name === 'signOutAction') expect(response.redirect ?? '', action.name).toContain('/admin/sign-in');
        else expect(response.body, action.name).toMatch(answer);
      }
      expect(await storedState()).toEqual(before);
    }, 120_000);
  }

  it('refuses an editor at the admin-only actions and stores nothing', async () => {
    const before = await storedState();
    for (const action of actions.filter((candidate) => candidate.adminOnly)) {
      const response = await call(action, { cookie: cookies.editor });
      expect(response.body, action.name).toMatch(/"status":"forbidden"/);
    }
    expect(await storedState()).toEqual(before);
  });

  it('lets a signed-in admin from this site do each of them (the requests above were well formed)', async () => {
    for (const action of actions) {
      const before = await storedState();
      const response = await call(action, { cookie: cookies.admin });
      const after = await storedState();
      if (action.name === 'signOutAction') {
        expect(Number(after.admin_sessions), action.name).toBe(Number(before.admin_sessions) - 1);
      } else {
        expect(response.body, action.name).toMatch(/"status":"saved"/);
        expect(Number(after.audit_entries), action.name).toBe(Number(before.audit_entries) + 1);
      }
    }
  }, 120_000);
});
