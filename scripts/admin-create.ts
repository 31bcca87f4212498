// `npm run admin:create -- --email you@example.org [--name "Your Name"] [--role admin|editor]`
//
// Creates a staff account; the first one is how an installation gets its first admin (there is no
// default account and no public sign-up). The password is read from ADMIN_PASSWORD when set (for
// scripts), otherwise asked for twice at a prompt that does not echo it.
//
// With DATABASE_URL set, that database is used. Without it, the embedded database in
// EMBEDDED_DATA_DIR is opened (migrated and seeded if new): stop the app first.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { hostname, userInfo } from 'node:os';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { createPrismaClient } from '../lib/db';
import { describeConnectionError } from '../lib/database-errors';
import { describeDatabaseUrl, env } from '../lib/env';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../lib/embedded-database';
import { createStaffUser } from '../lib/auth/staff-users';
import { prepareDatabase } from './prepare-database';

async function readPassword(prompt: string): Promise<string> {
  // A muted output stream: the prompt is written, the typed characters are not echoed.
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolvePassword) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolvePassword(answer);
    });
    muted = true;
  });
}

async function password(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    throw new Error('No password: set ADMIN_PASSWORD, or run this in a terminal to be asked for one');
  }
  const first = await readPassword('Password: ');
  const second = await readPassword('Password again: ');
  if (first !== second) throw new Error('The two passwords differ: nothing was created');
  return first;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' } },
  });
  if (!values.email) {
    console.error('Usage: npm run admin:create -- --email you@example.org [--name "Your Name"] [--role admin|editor]');
    return 2;
  }
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  try {
    if (!databaseUrl) {
      embedded = await startEmbeddedDatabase({ dataDir: resolve(env.EMBEDDED_DATA_DIR) });
      databaseUrl = embedded.url;
      const prepared = await prepareDatabase(databaseUrl);
      if (!prepared.ok) throw new Error(prepared.message);
    }
    const secret = await password();
    const prisma = createPrismaClient(databaseUrl, 2);
    try {
      const result = await createStaffUser(
        prisma,
        { cli: { ipAddress: null, userAgent: `admin:create by ${userInfo().username}@${hostname()}`, requestId: randomUUID() } },
        { email: values.email, name: values.name ?? values.email.split('@')[0], role: values.role, password: secret },
      );
      if (!result.ok) {
        for (const error of result.errors) console.error(`${error.field}: ${error.message}`);
        return 2;
      }
      console.log(`Created ${result.user.role} ${result.user.email}: sign in at /admin/sign-in`);
      return 0;
    } finally {
      await prisma.$disconnect();
    }
  } catch (error) {
    console.error(databaseUrl ? describeConnectionError(error, describeDatabaseUrl(databaseUrl)) : String((error as Error).message ?? error));
    return 1;
  } finally {
    await embedded?.stop();
  }
}

void main().then((code) => process.exit(code));
