// Calling a production build's Server Actions over plain HTTP, the way the Next.js client does: a
// POST to the page with the action's id in the Next-Action header and the arguments encoded by
// React's own encodeReply. Lets a test knock on an action's door without a browser or a form.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.node') as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

interface ManifestEntry {
  exportedName?: string;
  filename?: string;
}

/** Export name → action id, from the build's server reference manifest. */
export function serverActionIds(root = process.cwd()): Map<string, string> {
  const manifest = JSON.parse(readFileSync(join(root, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, ManifestEntry>;
  };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName) ids.set(entry.exportedName, id);
  }
  return ids;
}

export interface ActionResponse {
  status: number;
  body: string;
  redirect: string | null;
}

/**
 * POSTs `args` to the action `id` on `page`. A form action used with useActionState receives
 * (previous state, form data), so that is what `fields` become unless `args` is given.
 */
export async function callServerAction(
  appUrl: string,
  request: { id: string; page: string; fields?: Record<string, string>; args?: unknown[]; cookie?: string; origin?: string },
): Promise<ActionResponse> {
  const formData = new FormData();
  for (const [name, value] of Object.entries(request.fields ?? {})) formData.append(name, value);
  const body = await encodeReply(request.args ?? [{ status: 'idle' }, formData]);
  const headers: Record<string, string> = { 'Next-Action': request.id, Accept: 'text/x-component', Origin: request.origin ?? appUrl };
  if (request.cookie) headers.Cookie = request.cookie;
  const response = await fetch(`${appUrl}${request.page}`, { method: 'POST', headers, body, redirect: 'manual' });
  return { status: response.status, body: await response.text(), redirect: response.headers.get('x-action-redirect') };
}
