// Staff accounts and sign-in for end-to-end tests, through the same doors a person uses:
// `npm run admin:create` for the account, POST /api/auth/sign-in for the session cookie.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { queryDatabase } from './app-database';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

export interface StaffAccount {
  email: string;
  password: string;
  role: 'admin' | 'editor';
}

let counter = 0;

/** A fresh account on the app's database, made by the real admin:create command. */
export async function createStaffAccount(
  databaseUrl: string,
  role: 'admin' | 'editor' = 'editor',
): Promise<StaffAccount> {
  counter += 1;
  const email = `${role}-${process.pid}-${counter}-${randomBytes(3).toString('hex')}@example.org`;
  const password = `correct horse ${randomBytes(6).toString('hex')}`;
  await run(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/admin-create.ts', '--email', email, '--role', role],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, ADMIN_PASSWORD: password } },
  );
  return { email, password, role };
}

/** Signs in over HTTP and returns the Cookie header value that carries the session. */
export async function signIn(appUrl: string, account: Pick<StaffAccount, 'email' | 'password'>): Promise<string> {
  const response = await fetch(`${appUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: appUrl },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (response.status !== 200) {
    throw new Error(`Sign-in failed with ${response.status}: ${await response.text()}`);
  }
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
  const session = cookies.find((cookie) => cookie.includes('session_token='));
  if (!session) throw new Error(`No session cookie in: ${cookies.join(' | ')}`);
  return session;
}

/**
 * An API token for `email`, stored the way the app stores them (SHA-256 only). Tests use it to
 * reach the write API without going through the token page.
 */
export async function createApiTokenFor(databaseUrl: string, email: string, name = 'test'): Promise<string> {
  const token = `evac_${randomBytes(32).toString('base64url')}`;
  const hash = createHash('sha256').update(token).digest('hex');
  await queryDatabase(
    databaseUrl,
    `INSERT INTO api_token (user_id, name, prefix, token_hash)
     SELECT id, $2, $3, $4 FROM app_user WHERE email = $1`,
    [email, name, token.slice(0, 12), hash],
  );
  return token;
}
