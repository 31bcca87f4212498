// First-load JavaScript of the operation page: every script the server-rendered HTML of `/` makes
// the browser fetch on a first visit (its <script src> tags, and the scripts its after-paint loader
// loads: lib/server/paint-first-html.ts), each gzipped at level 9 (what a CDN or `compression`
// middleware typically serves), summed, against the 170 kB budget.
//
// Run alone: npx tsx --conditions=react-server bench/first-load-js.ts
import { gzipSync } from 'node:zlib';
import { loaderSources } from '../lib/server/paint-first-html';
import { isMain, runAlone, type BenchApp } from './support/bench-app';
import { kB, ratio, type BenchSection } from './support/report';

/** Budget in kB of gzipped first-load JavaScript (1 kB = 1,000 bytes, as Next.js's build prints). */
export const FIRST_LOAD_BUDGET_KB = 170;
const GZIP_LEVEL = 9;

interface Chunk {
  src: string;
  rawBytes: number;
  gzipBytes: number;
}

/**
 * The src of every <script> element a current browser loads, in document order, without
 * duplicates. `noModule` scripts (Next.js's legacy polyfills) are fetched only by browsers
 * without ES modules, so they are not part of a modern first load.
 */
export function scriptSources(html: string): string[] {
  const sources = [...html.matchAll(/<script\b[^>]*?\bsrc=(["'])(.*?)\1[^>]*>/gi)]
    .filter((m) => !/\bnomodule\b/i.test(m[0]))
    .map((m) => (m[2] ?? '').replace(/&amp;/g, '&'));
  return [...new Set([...sources, ...loaderSources(html)].filter((src) => src !== ''))];
}

export async function measureFirstLoadJs(app: Pick<BenchApp, 'url'>): Promise<BenchSection> {
  const page = await fetch(`${app.url}/`);
  if (!page.ok) throw new Error(`GET / answered ${page.status}`);
  const html = await page.text();
  const sources = scriptSources(html);
  if (sources.length === 0) throw new Error('no scripts found in the HTML of /: the benchmark no longer sees them');
  const chunks: Chunk[] = [];
  for (const src of sources) {
    const url = new URL(src, `${app.url}/`);
    // Only what our server serves: a third-party script would be a bug to report, not to size.
    if (url.origin !== new URL(app.url).origin) throw new Error(`script from another origin: ${src}`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${src} answered ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    chunks.push({ src, rawBytes: body.length, gzipBytes: gzipSync(body, { level: GZIP_LEVEL }).length });
  }
  const gzipTotal = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  const rawTotal = chunks.reduce((sum, chunk) => sum + chunk.rawBytes, 0);
  // Not in the total, but the browser parses it too: the inline RSC payload and the loader.
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1] ?? '')
    .join('');
  const gz = (text: string) => gzipSync(text, { level: GZIP_LEVEL }).length;
  return {
    title: 'First-load JavaScript of /',
    rows: [
      {
        measure: `First-load JS of / (gzip -${GZIP_LEVEL})`,
        ours: kB(gzipTotal),
        baseline: `budget ${FIRST_LOAD_BUDGET_KB} kB`,
        ratio: ratio(gzipTotal / 1000, FIRST_LOAD_BUDGET_KB),
        aim: '≤ 1',
        note: `${chunks.length} scripts, ${kB(rawTotal)} uncompressed`,
      },
    ],
    details: [
      ...[...chunks]
        .sort((a, b) => b.gzipBytes - a.gzipBytes)
        .map((chunk) => `${chunk.src}: ${kB(chunk.gzipBytes)} gzipped (${kB(chunk.rawBytes)} raw)`),
      `not counted: the HTML itself, ${kB(gz(html))} gzipped, of which inline scripts ${kB(gz(inline))}`,
    ],
  };
}

if (isMain(import.meta.url)) runAlone('first-load-js', measureFirstLoadJs);
