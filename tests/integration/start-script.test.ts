// `npm start` against a database that is not there: one clear line, a non-zero exit, no stack.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/app-server';

describe('the start script', () => {
  it('names host and port of an unreachable database and exits non-zero', async () => {
    const port = await freePort();
    const result = spawnSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/run.ts', 'start'],
      {
        env: { ...process.env, DATABASE_URL: `postgresql://evac:secret@127.0.0.1:${port}/evac`, PORT: String(await freePort()) },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(1);
    // The log is JSON lines on stdout: the last one says why, in one sentence.
    const last = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(last).toMatchObject({
      level: 'fatal',
      msg: `Cannot reach the database at 127.0.0.1:${port} (connection refused)`,
    });
    expect(result.stdout + result.stderr).not.toContain('secret');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
