// What scripts/precompress-assets.ts writes and lib/server/static-assets.ts reads: which files get
// compressed copies, and the marker naming the build they belong to.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Text files a browser downloads from .next/static; fonts and images are compressed already. */
export const PRECOMPRESSED_TYPES = /\.(?:js|css|svg|json|txt)$/;

/** In .next (not .next/static, so it is never served): the BUILD_ID the copies were made for. */
export const PRECOMPRESSED_MARKER = 'precompressed-build-id';

/** Whether the copies in `buildDir` belong to its current build. */
export function precompressedForCurrentBuild(buildDir: string): boolean {
  try {
    const buildId = readFileSync(join(buildDir, 'BUILD_ID'), 'utf8').trim();
    return readFileSync(join(buildDir, PRECOMPRESSED_MARKER), 'utf8').trim() === buildId;
  } catch {
    return false;
  }
}
