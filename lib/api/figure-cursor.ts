// The opaque cursor of the figure list: where the next page starts (the last row's as-of and
// revision id), signed so that a cursor can only be one this API gave out, and bound to the
// filters it was made for, so it cannot silently be reused on another query. Signed with a key
// derived from AUTH_SECRET, which every instance shares: any instance reads any instance's cursor.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { FigurePagePosition } from '../csv/export-query';

const VERSION = 1;
const MAC_BYTES = 16;

/** What a cursor is bound to: the list's filters, not its page size. */
export interface CursorFilters {
  group?: string;
  from?: string;
  to?: string;
  asOf?: string;
  revisions: string;
}

export function cursorKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('figure-list-cursor').digest();
}

function fingerprint(filters: CursorFilters): string {
  const canonical = JSON.stringify([filters.group ?? '', filters.from ?? '', filters.to ?? '', filters.asOf ?? '', filters.revisions]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 11);
}

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest().subarray(0, MAC_BYTES);

export function encodeCursor(position: FigurePagePosition, filters: CursorFilters, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify([VERSION, position.asOf.getTime(), position.id, fingerprint(filters)])).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

export type DecodedCursor = { ok: true; position: FigurePagePosition } | { ok: false; message: string };

const NOT_OURS = 'cursor is not one this API gave out: use nextCursor from the previous page as it is, or leave it out to start again';
const OTHER_QUERY = 'cursor belongs to a list with other filters (group, from, to, asOf or revisions): keep them as they were, or leave cursor out to start again';

export function decodeCursor(cursor: string, filters: CursorFilters, key: Buffer): DecodedCursor {
  const match = /^([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{22})$/.exec(cursor);
  if (!match) return { ok: false, message: NOT_OURS };
  const [, payload, signature] = match as unknown as [string, string, string];
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== MAC_BYTES || !timingSafeEqual(given, mac(key, payload))) return { ok: false, message: NOT_OURS };
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, message: NOT_OURS };
  }
  if (!Array.isArray(fields) || fields.length !== 4 || fields[0] !== VERSION) return { ok: false, message: NOT_OURS };
  const [, asOf, id, print] = fields as [number, unknown, unknown, unknown];
  if (!Number.isSafeInteger(asOf) || !Number.isSafeInteger(id) || (id as number) < 1 || typeof print !== 'string') {
    return { ok: false, message: NOT_OURS };
  }
  if (print !== fingerprint(filters)) return { ok: false, message: OTHER_QUERY };
  const instant = new Date(asOf as number);
  if (Number.isNaN(instant.getTime())) return { ok: false, message: NOT_OURS };
  return { ok: true, position: { asOf: instant, id: id as number } };
}
