// What the corrections route adds to the shared write plumbing: the figure being corrected is
// named by the path (/figures/:id/corrections), and a figure that is not there is a 404.
import type { WriteResult } from '../data/writes/write-result';
import type { JsonObject } from './write-route';
import { fieldRefusal, writeError } from './write-responses';

const MAX_ROW_ID = 2_147_483_647;

/** The figure id of the path, or null when it cannot name a figure. */
export function figureIdFromPath(text: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= MAX_ROW_ID ? id : null;
}

export const figureNotFound = (slug: string, id: string | number) =>
  writeError(404, { error: 'not_found', message: `No figure ${id} in operation "${slug}".` });

/** Only a number or its text can name the figure: String() of an object may throw or mislead. */
const namesFigure = (value: unknown, id: number) =>
  (typeof value === 'number' || typeof value === 'string') && String(value).trim() === String(id);

/**
 * The service's input: the body with `replaces` set from the path. A body that names a different
 * figure is refused rather than silently overruled: the client is confused about what it corrects.
 */
export function correctionInput(id: number, body: JsonObject): { ok: true; input: JsonObject } | { ok: false; response: Response } {
  if (body.replaces !== undefined && !namesFigure(body.replaces, id)) {
    return { ok: false, response: fieldRefusal('replaces', `must be the figure named in the path (${id}), or left out`) };
  }
  return { ok: true, input: { ...body, replaces: id } };
}

/**
 * The service reports a figure that is not in this operation as a bad `replaces` field (right for
 * a form, where the editor typed it); over HTTP the path named it, so it is a 404.
 */
export function missingFigureAsNotFound<T>(result: WriteResult<T>, slug: string, id: number): WriteResult<T> | Response {
  if (!result.ok && result.error === 'invalid_input' && result.errors.some((error) => error.field === 'replaces')) {
    return figureNotFound(slug, id);
  }
  return result;
}
