// Paths that name nothing here, refused before routing: percent-encoding that is not UTF-8 (%ff,
// a cut-off %e2%82) makes Next.js's decoding of route parameters throw, which it answers with a
// bare 500; a NUL (%00) would reach PostgreSQL as part of a slug, and it refuses NUL in text.
import { jsonError } from './json-response';

const MESSAGE = 'The address is malformed: its percent-encoding is not UTF-8, or it holds a NUL character.';

function isMalformed(pathname: string): boolean {
  try {
    return decodeURIComponent(pathname).includes('\u0000');
  } catch {
    return true;
  }
}

/** A 400 for a malformed path (JSON under /api/, a short page elsewhere), or null. */
export function malformedPathResponse(pathname: string): Response | null {
  if (!isMalformed(pathname)) return null;
  if (pathname.startsWith('/api/')) return jsonError(400, { error: 'invalid_path', message: MESSAGE });
  return new Response(`<!doctype html><html lang="en"><title>Bad request</title><p>${MESSAGE}</p></html>`, {
    status: 400,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
