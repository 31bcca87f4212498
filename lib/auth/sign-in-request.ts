// The HTTP side of sign-in: read the body, refuse other origins, answer in JSON with the status a
// client (or the sign-in page) can act on.
import 'server-only';
import { jsonError } from '../http/json-response';
import { isSameOrigin } from '../http/same-origin';
import { unexpectedErrorResponse } from '../http/unexpected-error';
import { parseInput } from '../validation/field-errors';
import { signInInputSchema } from '../validation/staff-input';
import { signInStaff } from './sign-in';

async function readBody(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return request.json().catch(() => null);
  // A multipart body without its boundary, or cut short, does not parse: that is no input.
  if (type.includes('form')) return request.formData().then((form) => Object.fromEntries(form.entries()), () => null);
  return null;
}

export async function signInWithRequest(request: Request): Promise<Response> {
  // Without this, a page elsewhere could sign a visitor into an account of the attacker's.
  if (!isSameOrigin(request)) {
    return jsonError(403, { error: 'cross_origin', message: 'Sign in from this site’s own sign-in page.' });
  }
  try {
    const parsed = parseInput(signInInputSchema, await readBody(request));
    if (!parsed.ok) {
      return jsonError(400, {
        error: 'invalid_input',
        message: 'Enter your email address and password.',
        errors: parsed.errors.map((error) => ({ parameter: error.field || 'body', message: error.message })),
      });
    }
    const result = await signInStaff(parsed.data, request.headers);
    if (result.status === 'throttled') {
      return jsonError(
        429,
        { error: 'too_many_attempts', message: `Too many failed sign-ins. Try again in ${Math.ceil(result.retryAfterSeconds / 60)} minute(s).` },
        { 'Retry-After': String(result.retryAfterSeconds) },
      );
    }
    if (result.status === 'invalid') {
      return jsonError(401, { error: 'invalid_credentials', message: 'Wrong email address or password.' });
    }
    return new Response(JSON.stringify({ ok: true }), {
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  } catch (error) {
    return unexpectedErrorResponse(error, 'POST sign-in');
  }
}
