// Where the sign-in page may send someone afterwards: only a page of this site's admin area, so a
// crafted link cannot turn sign-in into a redirect to another site (an open redirect).

export const ADMIN_HOME = '/admin';
export const SIGN_IN_PATH = '/admin/sign-in';

/** `next` when it is a same-site path under /admin (other than sign-in itself), else /admin. */
export function safeAdminNext(next: unknown): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return ADMIN_HOME;
  // Only a path: no scheme, no "//host", no backslashes (some browsers read "/\host" as "//host").
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\') || /[\u0000-\u001f]/.test(next)) {
    return ADMIN_HOME;
  }
  const base = 'http://same.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return ADMIN_HOME;
  }
  if (url.origin !== base) return ADMIN_HOME;
  const inAdmin = url.pathname === ADMIN_HOME || url.pathname.startsWith(`${ADMIN_HOME}/`);
  if (!inAdmin || url.pathname === SIGN_IN_PATH || url.pathname.startsWith(`${SIGN_IN_PATH}/`)) return ADMIN_HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function signInPath(next?: string): string {
  const target = next === undefined ? ADMIN_HOME : safeAdminNext(next);
  return target === ADMIN_HOME ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(target)}`;
}
