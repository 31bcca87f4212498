// The embedded default keeps its data in a folder: a figure added while the app runs is still
// there after a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp } from '../support/app-server';

const dataRoot = mkdtempSync(join(tmpdir(), 'evac-persist-'));
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('the embedded database', () => {
  it('keeps a figure added while running across a restart', async () => {
    const dataDir = join(dataRoot, 'pglite');
    const first = await startApp({ embeddedDataDir: dataDir });
    try {
      const port = /on 127\.0\.0\.1:(\d+)/.exec(first.output())?.[1];
      expect(port).toBeDefined();
      const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
      await client.connect();
      await client.query(`
        WITH src AS (
          INSERT INTO source (publisher, title) VALUES ('Test desk', 'Restart check') RETURNING id
        )
        INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, source_id)
        SELECT o.id, g.id, 31234, '2021-08-23T00:00:00+04:30', 'CUMULATIVE', '2021-08-14T00:00:00+04:30', src.id
        FROM operation o JOIN population_group g ON g.operation_id = o.id AND g.slug = 'all-evacuees', src
        WHERE o.slug = 'kabul-2021'`);
      await client.end();
    } finally {
      expect(await first.stop()).toBe(0);
    }

    const second = await startApp({ embeddedDataDir: dataDir });
    try {
      expect(second.output()).not.toContain('Seeded the Kabul 2021 operation');
      const html = await (await fetch(`${second.url}/`)).text();
      expect(html).toContain('31,234');
    } finally {
      await second.stop();
    }
  });
});
