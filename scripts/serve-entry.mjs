// Starts the HTTP server (scripts/serve.ts) with a TypeScript hook for our own modules only: the
// hook is removed before Next.js loads, since checking each of Next.js's many files through it
// made the start about a third slower.
import { createRequire } from 'node:module';
import { register } from 'tsx/cjs/api';

const require = createRequire(import.meta.url);
const unregister = register();
const { startServer } = require('./serve.ts');
unregister();
await startServer(process.argv[2] === 'dev');
