// Validation results in one shape for every caller: a list of fields, each with a sentence. The
// form shows them beside the inputs, the API returns them as JSON.
import type { z } from 'zod';

export interface FieldError {
  /** Dotted path of the input, e.g. "value" or "source.url"; "" for the input as a whole. */
  field: string;
  message: string;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    // One sentence per field is enough for a person to act on.
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  return { ok: false, errors };
}

/**
 * A form's fields as the object the schemas read: "source.url" becomes { source: { url } }.
 * Next.js's own "$ACTION…" fields are left out.
 */
export function formDataToInput(formData: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  // A Server Action receives whatever its caller encoded, not necessarily a form: anything else
  // is an empty form, refused field by field.
  if (!(formData instanceof FormData)) return input;
  for (const [name, value] of formData.entries()) {
    if (name.startsWith('$') || typeof value !== 'string') continue;
    const parts = name.split('.');
    let target = input;
    for (const part of parts.slice(0, -1)) {
      if (part === '__proto__' || part === 'constructor' || part === 'prototype') return input;
      const next = target[part];
      target = (typeof next === 'object' && next !== null ? next : (target[part] = {})) as Record<string, unknown>;
    }
    const last = parts.at(-1)!;
    if (last === '__proto__' || last === 'constructor' || last === 'prototype') continue;
    target[last] = value;
  }
  return input;
}
