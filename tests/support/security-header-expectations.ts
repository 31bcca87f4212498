// What every response must carry, as the security-headers end-to-end test checks it.
import { expect } from 'vitest';
import { directiveOf } from '../../lib/security/content-security-policy';

export const RESOURCE_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The headers every response carries, pages, API and static files alike. */
export function expectCommonHeaders(response: Response, path: string) {
  expect(response.status, path).toBeLessThan(500);
  expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
  expect(response.headers.get('permissions-policy'), path).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  // The tests run the production build (over http, where browsers ignore it).
  expect(response.headers.get('strict-transport-security'), path).toBe('max-age=63072000; includeSubDomains');
  expect(response.headers.get('x-powered-by'), path).toBeNull();
}

/** The page policy; returns the nonce it names. */
export function expectPagePolicy(response: Response, path: string): string {
  const policy = response.headers.get('content-security-policy') ?? '';
  const scripts = directiveOf(policy, 'script-src') ?? [];
  const nonce = scripts.map((source) => /^'nonce-(.+)'$/.exec(source)?.[1]).find(Boolean);
  expect(nonce, `${path}: ${policy}`).toBeDefined();
  expect(scripts, path).not.toContain("'unsafe-inline'");
  expect(scripts, path).not.toContain("'unsafe-eval'");
  expect(directiveOf(policy, 'default-src'), path).toEqual(["'self'"]);
  expect(directiveOf(policy, 'object-src'), path).toEqual(["'none'"]);
  // Served over http here: asking the browser to upgrade would break the site.
  expect(directiveOf(policy, 'upgrade-insecure-requests'), path).toBeUndefined();
  const embed = path.startsWith('/embed/');
  expect(directiveOf(policy, 'frame-ancestors'), path).toEqual(embed ? ['*'] : ["'none'"]);
  expect(response.headers.get('x-frame-options'), path).toBe(embed ? null : 'DENY');
  return nonce!;
}
