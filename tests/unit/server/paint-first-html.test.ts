// The reader pages' HTML rewrite: Next.js's async script tags and script preloads become one
// loader at the end of the body, whatever way the document is cut into chunks.
import { describe, expect, it } from 'vitest';
import { createPaintFirstRewrite, loaderSources } from '@/lib/server/paint-first-html';

const NONCE = 'q0Vx2fK+9nA1bC3dE5fG7h==';
// The shape of a Next.js page: scripts and a preload in the head, one script at the end of the
// shell, the flight data inline, a noModule polyfill that modern browsers skip.
const PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  `<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="${NONCE}" data-precedence="next"/>`,
  `<link rel="preload" as="script" fetchPriority="low" nonce="${NONCE}" href="/_next/static/chunks/boot.js"/>`,
  `<script src="/_next/static/chunks/one.js" async="" nonce="${NONCE}"></script>`,
  `<script src="/_next/static/chunks/two.js" async="" nonce="${NONCE}"></script>`,
  `<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="${NONCE}"></script>`,
  '</head><body><main><p class="verdict">At the observed pace of 3,138 a day…</p></main>',
  `<script nonce="${NONCE}" id="_R_">self.__next_r="x"</script>`,
  `<script src="/_next/static/chunks/boot.js" nonce="${NONCE}" async=""></script>`,
  `<script nonce="${NONCE}">(self.__next_f=self.__next_f||[]).push([0])</script>`,
  '</body></html>',
].join('');

function rewriteInPieces(html: string, cuts: number[]): string {
  const rewrite = createPaintFirstRewrite();
  let out = '';
  let from = 0;
  for (const cut of [...cuts, html.length]) {
    out += rewrite.write(html.slice(from, cut));
    from = cut;
  }
  return out + rewrite.end();
}

const whole = (html: string) => rewriteInPieces(html, []);

describe('the paint-first rewrite of a page', () => {
  const out = whole(PAGE);

  it('takes out the async script tags and the script preloads', () => {
    expect(out).not.toMatch(/<script src="[^"]*" async/);
    expect(out).not.toMatch(/<script src="[^"]*" nonce="[^"]*" async/);
    expect(out).not.toContain('rel="preload" as="script"');
  });

  it('loads them, in their order, from one loader carrying the nonce, just before </body>', () => {
    const loader = new RegExp(`<script nonce="${NONCE.replace(/[+]/g, '\\+')}">\\(function\\(s\\)[^<]*</script></body></html>$`);
    expect(out).toMatch(loader);
    expect(out).toContain('["/_next/static/chunks/one.js","/_next/static/chunks/two.js","/_next/static/chunks/boot.js"]');
    expect(out.match(/\(function\(s\)/g)).toHaveLength(1);
  });

  it('keeps the content, the stylesheet, the inline scripts and the noModule script as they were', () => {
    for (const kept of [
      '<p class="verdict">At the observed pace of 3,138 a day…</p>',
      'rel="stylesheet" href="/_next/static/chunks/a.css"',
      `<script nonce="${NONCE}" id="_R_">self.__next_r="x"</script>`,
      '(self.__next_f=self.__next_f||[]).push([0])',
      '<script src="/_next/static/chunks/polyfills.js" noModule=""',
    ]) {
      expect(out).toContain(kept);
    }
  });

  it('gives the same document however the stream is cut', () => {
    for (let cut = 1; cut < PAGE.length; cut += 1) {
      expect(rewriteInPieces(PAGE, [cut]), `cut at ${cut}`).toBe(out);
    }
    for (let step = 2; step < 40; step += 1) {
      const cuts = Array.from({ length: Math.floor(PAGE.length / step) }, (_, index) => (index + 1) * step);
      expect(rewriteInPieces(PAGE, cuts), `every ${step} characters`).toBe(out);
    }
  });

  it('leaves a document without async scripts untouched', () => {
    const plain = '<!DOCTYPE html><html><head><title>Plain</title></head><body><p>No scripts</p></body></html>';
    expect(whole(plain)).toBe(plain);
  });

  it('puts the loader at the end when the document has no </body>', () => {
    const cut = PAGE.slice(0, PAGE.indexOf('</body>'));
    expect(whole(cut)).toMatch(/<\/script><script nonce="[^"]+">\(function\(s\)[^<]*<\/script>$/);
  });

  it('leaves out the nonce attribute when the page has none', () => {
    expect(whole('<html><head><script src="/a.js" async=""></script></head><body></body></html>')).toMatch(
      /^<html><head><\/head><body><script>\(function\(s\)[^<]*\(\["\/a\.js"\]\)<\/script><\/body><\/html>$/,
    );
  });

  it('loads the address the attribute means: entities decoded, and no way out of the loader', () => {
    const out = whole('<body><script src="/a.js?v=1&amp;w=&lt;/script&gt;" async=""></script></body>');
    expect(out).toContain('["/a.js?v=1&w=\\u003c/script>"]');
    expect(out.match(/<\/script>/g)).toHaveLength(1);
  });
});

describe('the loader in a rewritten page', () => {
  it('names the scripts it loads, for what a first visit fetches', () => {
    const rewritten = createPaintFirstRewrite();
    const out = rewritten.write(PAGE) + rewritten.end();
    expect(loaderSources(out)).toEqual(['/_next/static/chunks/one.js', '/_next/static/chunks/two.js', '/_next/static/chunks/boot.js']);
    expect(loaderSources(PAGE)).toEqual([]);
  });
});
