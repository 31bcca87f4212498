// The Content-Security-Policy of every response, as a pure function of what the response is.
//
// Pages: scripts run only with this response's nonce ('strict-dynamic' lets those scripts load
// the chunks they import), so an injected <script> or inline handler does nothing. Styles allow
// inline because Recharts and React write `style` attributes, which no nonce can cover; a nonce in
// style-src would switch 'unsafe-inline' off, so there is none. Images may be data: and blob: URLs:
// the chart download draws the chart's SVG from a blob: URL onto a canvas. Everything else comes
// from this origin only (the live updates' EventSource included).
//
// Anything that is not a page (the API's JSON, CSV and event streams, static files) is never meant
// to run in a browser as a document: it gets a policy that allows nothing at all.

/** Who may show a response in a frame: anyone (the embeds) or no one. */
export type Framing = 'anyone' | 'no-one';

export interface PagePolicyOptions {
  /** This response's nonce: base64, fresh for every request. */
  nonce: string;
  framing: Framing;
  /** Ask browsers to fetch http: subresources over https: only when the site is served over https. */
  upgradeInsecureRequests: boolean;
  /**
   * The development server only: React rebuilds server error stacks in the browser with eval.
   * Neither React nor Next.js evaluates code in a production build.
   */
  allowEval: boolean;
}

const frameAncestors = (framing: Framing) => (framing === 'anyone' ? '*' : "'none'");

function serialise(directives: [string, ...string[]][]): string {
  return directives.map((parts) => parts.join(' ')).join('; ');
}

export function pagePolicy({ nonce, framing, upgradeInsecureRequests, allowEval }: PagePolicyOptions): string {
  // 'self' is for browsers without 'strict-dynamic' (CSP level 2); level 3 browsers ignore it.
  const scripts = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(allowEval ? ["'unsafe-eval'"] : [])];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', ...scripts],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', frameAncestors(framing)],
  ];
  if (upgradeInsecureRequests) directives.push(['upgrade-insecure-requests']);
  return serialise(directives);
}

/** For responses that are data or files, never pages: nothing may load, nothing may frame them. */
export function resourcePolicy(): string {
  return serialise([
    ['default-src', "'none'"],
    ['frame-ancestors', "'none'"],
  ]);
}

/** The value of one directive of a serialised policy (its sources), or undefined if absent. */
export function directiveOf(policy: string, name: string): string[] | undefined {
  for (const directive of policy.split(';')) {
    const [directiveName, ...sources] = directive.trim().split(/\s+/);
    if (directiveName?.toLowerCase() === name) return sources;
  }
  return undefined;
}
