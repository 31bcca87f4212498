// The security headers as a browser receives them: which policy a response gets, where it may be
// framed, and what production adds.
import { describe, expect, it } from 'vitest';
import { directiveOf } from '../../../lib/security/content-security-policy';
import { createNonce } from '../../../lib/security/nonce';
import { HSTS, requestTarget, securityHeaders, type SecurityHeaderOptions } from '../../../lib/security/security-headers';

const NONCE = 'c2VjcmV0LW5vbmNlLTEyMzQ=';

function headersFor(pathname: string, options: Partial<SecurityHeaderOptions> = {}): Map<string, string> {
  return new Map(securityHeaders({ pathname, nonce: NONCE, production: true, https: false, ...options }));
}
const policyOf = (pathname: string, options: Partial<SecurityHeaderOptions> = {}) =>
  headersFor(pathname, options).get('Content-Security-Policy') ?? '';

describe('the page policy', () => {
  const pages = ['/', '/operations/kabul-2021', '/admin/sign-in', '/embed/kabul-2021', '/no-such-page'];

  it.each(pages)('lets %s run only scripts carrying its nonce, never inline or eval', (path) => {
    const scripts = directiveOf(policyOf(path), 'script-src');
    expect(scripts).toContain(`'nonce-${NONCE}'`);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });

  it("allows eval on the development server only, which React's debugging needs", () => {
    expect(directiveOf(policyOf('/', { production: true }), 'script-src')).not.toContain("'unsafe-eval'");
    expect(directiveOf(policyOf('/', { production: false }), 'script-src')).toContain("'unsafe-eval'");
    expect(directiveOf(policyOf('/', { production: false }), 'script-src')).not.toContain("'unsafe-inline'");
  });

  it('allows only this origin, plus data: and blob: images for the chart download', () => {
    const policy = policyOf('/');
    expect(directiveOf(policy, 'default-src')).toEqual(["'self'"]);
    expect(directiveOf(policy, 'connect-src')).toEqual(["'self'"]);
    expect(directiveOf(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directiveOf(policy, 'style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directiveOf(policy, 'object-src')).toEqual(["'none'"]);
    expect(directiveOf(policy, 'base-uri')).toEqual(["'none'"]);
    expect(directiveOf(policy, 'form-action')).toEqual(["'self'"]);
    // Nothing names another host anywhere in the policy.
    expect(policy).not.toMatch(/https?:/);
  });

  it('upgrades insecure requests only in production behind an https address', () => {
    expect(directiveOf(policyOf('/', { production: true, https: true }), 'upgrade-insecure-requests')).toEqual([]);
    expect(directiveOf(policyOf('/', { production: true, https: false }), 'upgrade-insecure-requests')).toBeUndefined();
    expect(directiveOf(policyOf('/', { production: false, https: true }), 'upgrade-insecure-requests')).toBeUndefined();
  });
});

describe('framing', () => {
  it.each(['/embed/kabul-2021', '/embed', '/embed/no-such-operation'])('lets any site frame %s', (path) => {
    const headers = headersFor(path);
    expect(directiveOf(headers.get('Content-Security-Policy') ?? '', 'frame-ancestors')).toEqual(['*']);
    expect(headers.has('X-Frame-Options')).toBe(false);
  });

  it.each(['/', '/operations/kabul-2021', '/embedded', '/admin', '/api/operations/kabul-2021/summary', '/_next/static/chunks/a.js'])(
    'lets no site frame %s',
    (path) => {
      const headers = headersFor(path);
      expect(directiveOf(headers.get('Content-Security-Policy') ?? '', 'frame-ancestors')).toEqual(["'none'"]);
      expect(headers.get('X-Frame-Options')).toBe('DENY');
    },
  );
});

describe('the API and static files', () => {
  it.each(['/api/operations/kabul-2021/summary', '/api/operations/kabul-2021/figures.csv', '/api/health/live', '/_next/static/chunks/a.js'])(
    'gives %s a policy that allows nothing, with no nonce',
    (path) => {
      expect(requestTarget(path).kind).toBe('resource');
      expect(policyOf(path)).toBe("default-src 'none'; frame-ancestors 'none'");
    },
  );

  it('treats /api itself, and paths that merely start like the API, as pages', () => {
    expect(requestTarget('/api').kind).toBe('page');
    expect(requestTarget('/apis').kind).toBe('page');
    expect(requestTarget('/api/openapi.json').kind).toBe('resource');
  });
});

describe('the other headers', () => {
  it.each(['/', '/embed/kabul-2021', '/api/health/live'])('sends the same protections on %s', (path) => {
    const headers = headersFor(path);
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    const permissions = headers.get('Permissions-Policy') ?? '';
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      expect(permissions).toContain(`${feature}=()`);
    }
  });

  it('sends Strict-Transport-Security in production only', () => {
    expect(headersFor('/', { production: true }).get('Strict-Transport-Security')).toBe(HSTS);
    expect(HSTS).toBe('max-age=63072000; includeSubDomains');
    expect(headersFor('/api/health/live', { production: true }).get('Strict-Transport-Security')).toBe(HSTS);
    expect(headersFor('/', { production: false }).has('Strict-Transport-Security')).toBe(false);
  });
});

describe('createNonce', () => {
  it('gives 128 random bits as base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
    // The form Next.js accepts when it reads the nonce back from the policy.
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  });
});
