// Entity tags for the public JSON reads: derived from the body itself, so every app instance gives
// the same representation the same tag and a CDN or browser can revalidate against any of them.
import { createHash } from 'node:crypto';

/** A strong ETag: 128 bits of SHA-256 over the exact bytes sent. */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('base64url').slice(0, 22)}"`;
}

// An entity tag is W/ optionally, then a quoted string without quotes inside; `*` matches any.
const ENTITY_TAG = /\*|(?:W\/)?"[^"]*"/g;

/**
 * Whether `If-None-Match` matches `etag`, with the weak comparison RFC 9110 (13.1.2) prescribes
 * for it: `W/"x"` matches `"x"`. That matters here because a proxy that compresses the body may
 * weaken the tag it forwards, and the client sends back what it got.
 */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.replace(/^W\//, '');
  return (header.match(ENTITY_TAG) ?? []).some((tag) => tag === '*' || opaque(tag) === opaque(etag));
}
