// The security headers of every response, pages, API and static files alike: the one place that
// decides them, framing rules included (proxy.ts applies them). Pure, so every rule is unit-tested.
import { pagePolicy, resourcePolicy, type Framing } from './content-security-policy';

/** Pages (HTML and their RSC payloads) get the nonce policy; the API and static files are resources. */
export type ResponseKind = 'page' | 'resource';

export interface RequestTarget {
  kind: ResponseKind;
  framing: Framing;
}

// The embeds are /embed and what lies under it: /embedded is an ordinary (unknown) page.
const EMBED = /^\/embed(?:\/|$)/;
// Under /api/ and /_next/ only: /api itself is a page (the API reference).
const RESOURCE = /^\/(?:api|_next)\//;

export function requestTarget(pathname: string): RequestTarget {
  return {
    kind: RESOURCE.test(pathname) ? 'resource' : 'page',
    // The embeds are made to be shown in other sites' frames; nothing else may be framed at all.
    framing: EMBED.test(pathname) ? 'anyone' : 'no-one',
  };
}

export interface SecurityHeaderOptions {
  pathname: string;
  /** This request's nonce; used by pages only. */
  nonce: string;
  /** NODE_ENV is production. */
  production: boolean;
  /** The site's public address (APP_URL) is https. */
  https: boolean;
}

/** Two years, subdomains included: the value HSTS preload lists ask for. */
export const HSTS = 'max-age=63072000; includeSubDomains';

// Powerful features the site never uses, denied to it and to anything it might frame.
const DENIED_FEATURES = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
];
export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');

/** Header name and value pairs, in the order they are set. */
export function securityHeaders({ pathname, nonce, production, https }: SecurityHeaderOptions): [string, string][] {
  const target = requestTarget(pathname);
  const policy =
    target.kind === 'page'
      ? pagePolicy({ nonce, framing: target.framing, upgradeInsecureRequests: production && https, allowEval: !production })
      : resourcePolicy();
  const headers: [string, string][] = [['Content-Security-Policy', policy]];
  // For browsers that know only X-Frame-Options. It has no "allow all", and a browser that knows
  // both follows frame-ancestors, so the embeds go without it.
  if (target.framing === 'no-one') headers.push(['X-Frame-Options', 'DENY']);
  headers.push(
    ['X-Content-Type-Options', 'nosniff'],
    // Other sites (the sources linked from every figure) learn that a reader came from here, not
    // which page, view or admin screen; this site's own requests keep the full URL.
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', PERMISSIONS_POLICY],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  );
  // Browsers heed HSTS only over https; a development server must never pin localhost to it.
  if (production) headers.push(['Strict-Transport-Security', HSTS]);
  return headers;
}
