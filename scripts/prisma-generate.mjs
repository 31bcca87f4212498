// Runs `prisma generate` without Prisma's native schema engine.
//
// Why: the Prisma CLI insists on locating (and otherwise downloading) its native schema engine
// before every command, even `generate`, which never runs it. Downloads are impossible on
// air-gapped machines and forbidden at install time here, so we point the CLI at an existing file.
// Migrations are applied by Prisma's WebAssembly schema engine instead (see prisma/migrate.ts).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const prismaCli = require.resolve('prisma/build/index.js');

const result = spawnSync(process.execPath, [prismaCli, 'generate', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
