// Who may get in: the sign-in throttle (counted in PostgreSQL, shared by every instance), API
// tokens (hashed, revocable, dead with a disabled owner) and disabling a user.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/audit/audit-log';
import type * as Throttle from '../../lib/auth/login-throttle';
import type * as Tokens from '../../lib/auth/api-tokens';
import type * as Users from '../../lib/auth/staff-users';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { applyPendingMigrations } from '../../prisma/migrate';
import { resetDatabase, sql, testDatabaseUrl } from '../support/database';

let throttle: typeof Throttle;
let tokens: typeof Tokens;
let users: typeof Users;
let prisma: PrismaClient;
let admin: Actor;

async function failures(email: string, ip: string, n: number, minutesAgo = 0) {
  for (let i = 0; i < n; i += 1) {
    await sql(
      `INSERT INTO audit_entry (action, channel, actor_email, ip_address, at)
       VALUES ('sign_in.failure', 'form', $1, $2, now() - make_interval(mins => $3))`,
      [email, ip, minutesAgo],
    );
  }
}

beforeAll(async () => {
  await resetDatabase();
  await applyPendingMigrations({ connectionString: testDatabaseUrl(), log: () => undefined });
  process.env.DATABASE_URL = testDatabaseUrl();
  process.env.DATABASE_POOL_MAX = '2';
  prisma = (await import('../../lib/db')).getPrisma();
  throttle = await import('../../lib/auth/login-throttle');
  tokens = await import('../../lib/auth/api-tokens');
  users = await import('../../lib/auth/staff-users');
  const created = await users.createStaffUser(prisma, { cli: { ipAddress: null, userAgent: 'test', requestId: 'setup' } }, {
    email: 'admin@example.org', name: 'Admin', role: 'admin', password: 'a long enough password',
  });
  if (!created.ok) throw new Error('setup');
  admin = { userId: created.user.id, email: 'admin@example.org', role: 'admin', channel: 'form', ipAddress: '192.0.2.1', userAgent: 'test', requestId: 'r' };
});

describe('sign-in throttle', () => {
  it('lets four failures through and blocks after the fifth, for that account from any address', async () => {
    await failures('victim@example.org', '198.51.100.1', 4);
    expect(await throttle.checkSignInThrottle('victim@example.org', '198.51.100.9')).toEqual({ blocked: false });
    await failures('victim@example.org', '198.51.100.2', 1);
    const verdict = await throttle.checkSignInThrottle('victim@example.org', '198.51.100.9');
    expect(verdict.blocked).toBe(true);
    expect(verdict.blocked && verdict.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(verdict.blocked && verdict.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it('blocks an address that failed five times, whatever account it tries next', async () => {
    await failures('a@example.org', '203.0.113.5', 3);
    await failures('b@example.org', '203.0.113.5', 2);
    expect((await throttle.checkSignInThrottle('c@example.org', '203.0.113.5')).blocked).toBe(true);
    expect(await throttle.checkSignInThrottle('c@example.org', '203.0.113.6')).toEqual({ blocked: false });
  });

  it('forgets failures older than fifteen minutes, and says when the block ends', async () => {
    await failures('old@example.org', '192.0.2.50', 4, 16);
    await failures('old@example.org', '192.0.2.50', 1, 0);
    expect(await throttle.checkSignInThrottle('old@example.org', '192.0.2.50')).toEqual({ blocked: false });
    await failures('soon@example.org', '192.0.2.51', 5, 14);
    const verdict = await throttle.checkSignInThrottle('soon@example.org', '192.0.2.51');
    expect(verdict.blocked && verdict.retryAfterSeconds).toBeGreaterThan(0);
    expect(verdict.blocked && verdict.retryAfterSeconds).toBeLessThanOrEqual(60);
  });
});

describe('API tokens', () => {
  it('are stored only as a hash, authenticate their owner, and stop at revocation', async () => {
    const { token, id } = await tokens.createApiToken(admin, 'newsroom importer');
    expect(token).toMatch(/^evac_[\w-]{43}$/);
    const { rows } = await sql(`SELECT token_hash, prefix FROM api_token WHERE id = $1`, [id]);
    expect(rows[0]!.token_hash).not.toContain(token.slice(5));
    expect(rows[0]!.prefix).toBe(token.slice(0, 12));
    expect(await tokens.authenticateApiToken(token)).toMatchObject({ userId: admin.userId, role: 'admin', tokenId: id });
    expect(await tokens.authenticateApiToken(`${token}x`)).toBeNull();
    expect((await tokens.listApiTokens(admin.userId))[0]).toMatchObject({ id, name: 'newsroom importer', lastUsedAt: expect.any(String), revokedAt: null });

    expect(await tokens.revokeApiToken(admin, id)).toBe(true);
    expect(await tokens.authenticateApiToken(token)).toBeNull();
    expect(await tokens.revokeApiToken(admin, id)).toBe(false);
  });

  it('stop working when their owner is disabled, and work again when re-enabled', async () => {
    const made = await users.createStaffUser(prisma, { actor: admin }, { email: 'ed@example.org', name: 'Ed', role: 'editor', password: 'another long password' });
    if (!made.ok) throw new Error('setup');
    const editor: Actor = { ...admin, userId: made.user.id, email: made.user.email, role: 'editor' };
    const { token } = await tokens.createApiToken(editor, 'script');
    expect(await tokens.authenticateApiToken(token)).not.toBeNull();
    expect(await users.setStaffUserDisabled(prisma, admin, made.user.id, true)).toEqual({ ok: true });
    expect(await tokens.authenticateApiToken(token)).toBeNull();
    expect(await users.setStaffUserDisabled(prisma, admin, made.user.id, false)).toEqual({ ok: true });
    expect(await tokens.authenticateApiToken(token)).not.toBeNull();
  });
});

describe('staff accounts', () => {
  it('refuse a second account with the same email and a short password, naming the fields', async () => {
    expect(await users.createStaffUser(prisma, { actor: admin }, { email: 'ADMIN@example.org', name: 'Again', role: 'admin', password: 'a long enough password' })).toEqual({
      ok: false, errors: [{ field: 'email', message: 'already belongs to an account' }],
    });
    expect(await users.createStaffUser(prisma, { actor: admin }, { email: 'not an email', name: '', role: 'owner', password: 'short' })).toEqual({
      ok: false,
      errors: [
        { field: 'email', message: 'must be an email address' },
        { field: 'name', message: 'is required' },
        { field: 'role', message: 'must be one of: admin, editor' },
        { field: 'password', message: 'must be at least 12 characters' },
      ],
    });
  });

  it('store the password as an argon2id hash at OWASP’s parameters', async () => {
    const { rows } = await sql(`SELECT password FROM auth_account a JOIN app_user u ON u.id = a.user_id WHERE u.email = 'admin@example.org'`);
    expect(rows[0]!.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('cannot be disabled by their own admin, so nobody locks everyone out', async () => {
    expect(await users.setStaffUserDisabled(prisma, admin, admin.userId, true)).toEqual({ ok: false, message: 'You cannot disable your own account.' });
  });
});
