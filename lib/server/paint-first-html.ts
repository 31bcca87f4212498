// Rewrites a streamed HTML page so that its scripts are fetched and run after the page's first
// frames are painted, instead of alongside them.
//
// Next.js puts a dozen `<script src async>` tags in the head (and one at the end of the shell)
// with preload hints. On a first visit the browser fetches, compiles and runs them while it is
// still building and painting the server-rendered page, and the verdict and key figures — the
// largest paint — came about 160 ms later than on the same page without them (interleaved runs:
// the README's Performance section).
// Everything a reader needs is in the HTML and works before hydration (the view form is a plain
// GET form), so the page paints first and the scripts load two frames later: the tags become one
// inline loader placed where the document ends. The cost is that hydration waits for the fetch to
// start after the paint rather than before it.
//
// The rewrite is a streaming text transform: it holds back only an unfinished tag at the end of a
// chunk (or a script element whose end has not arrived yet), so the page streams as before.

/** `<script … src="…" … async…></script>`: the external async scripts (not `noModule` ones). */
const ASYNC_SCRIPT = /<script\b([^>]*)>\s*<\/script>/g;
const SCRIPT_PRELOAD = /<link\b[^>]*\bas="script"[^>]*>/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'" };
/** An attribute's value, with the entities React escapes attribute values with decoded. */
const attribute = (attributes: string, name: string) =>
  new RegExp(`\\b${name}="([^"]*)"`)
    .exec(attributes)?.[1]
    ?.replace(/&(?:amp|lt|gt|quot|#x27|#39);/g, (entity) => ENTITIES[entity] ?? entity);

/** The loader: after two painted frames (or at once in a hidden tab, where no frame comes). */
function loaderScript(sources: string[], nonce: string | undefined): string {
  const body =
    '(function(s){var d=document,n=d.currentScript&&d.currentScript.nonce,done=0;' +
    'function load(){if(done)return;done=1;s.forEach(function(u){var e=d.createElement("script");' +
    'e.src=u;e.async=true;if(n)e.nonce=n;d.head.appendChild(e)})}' +
    'function frame(f){requestAnimationFrame(function(){setTimeout(f,0)})}' +
    'if(d.visibilityState!=="visible")load();else{frame(function(){frame(load)});setTimeout(load,1000)}' +
    `})(${JSON.stringify(sources).replace(/</g, '\\u003c')})`;
  return `<script${nonce === undefined ? '' : ` nonce="${nonce}"`}>${body}</script>`;
}

/** The addresses a rewritten page's loader loads: what a first visit fetches (bench/first-load-js.ts). */
export function loaderSources(html: string): string[] {
  const list = /\(function\(s\)\{[^<]*\}\)\((\[[^<]*?\])\)<\/script>/.exec(html)?.[1];
  return list === undefined ? [] : (JSON.parse(list) as string[]);
}

export interface PaintFirstRewrite {
  /** Takes the next piece of the document; returns what can be sent now. */
  write(text: string): string;
  /** The end of the document: whatever was held back, and the loader if it is still owed. */
  end(): string;
}

export function createPaintFirstRewrite(): PaintFirstRewrite {
  let held = '';
  let loaderPlaced = false;
  const sources: string[] = [];
  let nonce: string | undefined;

  const rewrite = (html: string): string => {
    const kept = html
      .replace(ASYNC_SCRIPT, (tag, attributes: string) => {
        const src = attribute(attributes, 'src');
        if (src === undefined || !/\basync\b/.test(attributes) || /\bnomodule\b/i.test(attributes)) return tag;
        sources.push(src);
        nonce ??= attribute(attributes, 'nonce');
        return '';
      })
      .replace(SCRIPT_PRELOAD, '');
    const bodyEnd = kept.indexOf('</body>');
    if (loaderPlaced || bodyEnd === -1 || sources.length === 0) return kept;
    loaderPlaced = true;
    return kept.slice(0, bodyEnd) + loaderScript(sources, nonce) + kept.slice(bodyEnd);
  };

  /**
   * Where the text stops being safe to rewrite: at an unfinished tag (`</body` included) or a
   * script element whose end has not arrived.
   */
  const safeEnd = (text: string): number => {
    let end = text.length;
    const lastOpen = text.lastIndexOf('<');
    if (lastOpen !== -1 && text.indexOf('>', lastOpen) === -1) end = lastOpen;
    const lastScript = text.lastIndexOf('<script', end);
    if (lastScript !== -1 && text.indexOf('</script>', lastScript) === -1) end = lastScript;
    return end;
  };

  return {
    write(text) {
      const pending = held + text;
      const end = safeEnd(pending);
      held = pending.slice(end);
      return rewrite(pending.slice(0, end));
    },
    end() {
      const rest = rewrite(held);
      held = '';
      if (loaderPlaced || sources.length === 0) return rest;
      loaderPlaced = true;
      return rest + loaderScript(sources, nonce);
    },
  };
}
