// Run after `next build` (npm run build does): writes a Brotli (.br) and a gzip (.gz) copy beside
// every script, stylesheet and SVG under .next/static, at the strongest settings, once.
//
// Why: Next.js compresses each static file again on every request (gzip, moderate level). A first
// visit asks for a dozen scripts at once, and compressing them on the server's one thread delayed
// the page's own HTML and stylesheet, so its first paint. lib/server/static-assets.ts serves these
// copies as they are. The marker file names the build they were made for, so a server never serves
// copies from an older build.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { PRECOMPRESSED_MARKER, PRECOMPRESSED_TYPES } from '../lib/server/precompressed';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDir = join(root, '.next');
const staticDir = join(buildDir, 'static');
/** Below this, compression saves less than its own headers cost. */
const MIN_BYTES = 1_024;

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (PRECOMPRESSED_TYPES.test(entry.name)) yield path;
  }
}

const started = Date.now();
let files = 0;
let plain = 0;
let brotli = 0;
for (const path of filesUnder(staticDir)) {
  const bytes = readFileSync(path);
  if (bytes.length < MIN_BYTES) continue;
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  files += 1;
  plain += bytes.length;
  brotli += br.length;
}
const buildId = readFileSync(join(buildDir, 'BUILD_ID'), 'utf8').trim();
writeFileSync(join(buildDir, PRECOMPRESSED_MARKER), `${buildId}\n`);
console.log(
  `Precompressed ${files} static files (${(plain / 1024).toFixed(0)} kB, Brotli ${(brotli / 1024).toFixed(0)} kB) ` +
    `for build ${buildId} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
