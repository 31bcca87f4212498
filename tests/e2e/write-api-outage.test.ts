// The write API while its database is away: every write route answers 503 JSON with Retry-After
// (the client retries, with its Idempotency-Key, later), never a stack trace.
import { describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from '../../lib/embedded-database';
import { startApp } from '../support/app-server';
import { createApiTokenFor, createStaffAccount } from '../support/staff';
import { eventInput, figureInput, statementInput, targetInput, writeClient } from '../support/write-api';

describe('while the database is away', () => {
  it('answers every write 503 JSON with Retry-After, never a stack trace', async () => {
    // A database of its own, so this test can stop it whatever the run uses.
    const database = await startEmbeddedDatabase({ port: 0 });
    const second = await startApp({ databaseUrl: database.url, env: { DATABASE_POOL_MAX: '4' } });
    try {
      const account = await createStaffAccount(database.url, 'editor');
      const writer = writeClient(second.url, { token: await createApiTokenFor(database.url, account.email) });
      await database.stop();
      for (const [route, input] of [
        ['figures', figureInput()],
        ['targets', targetInput()],
        ['events', eventInput()],
        ['statements', statementInput()],
      ] as const) {
        const response = await writer.post(`kabul-2021/${route}`, input);
        expect(response.status, route).toBe(503);
        expect(response.headers.get('retry-after')).toBe('5');
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(await response.json()).toEqual({ error: 'service_unavailable', message: 'The database is unavailable; try again shortly.' });
      }
    } finally {
      await second.stop();
      await database.stop().catch(() => undefined);
    }
  });
});
