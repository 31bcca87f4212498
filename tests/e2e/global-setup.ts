// Builds the production app once for the end-to-end tests, as `npm run build` does, (skip with E2E_SKIP_BUILD=1 when a
// fresh build is already there).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function setup() {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
  }
  // As `npm run build` does: the server serves these compressed copies of the static files.
  const precompressed = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/precompress-assets.ts'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (precompressed.status !== 0) {
    throw new Error(`precompressing the static files failed:\n${precompressed.stdout}\n${precompressed.stderr}`);
  }
}
