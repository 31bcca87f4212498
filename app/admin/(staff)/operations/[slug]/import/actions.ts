'use server';
// The import page's Server Action: a preview of the uploaded file, or its commit. Like every
// Server Action it is a public endpoint, so it checks the session itself.
import { headers } from 'next/headers';
import { checkStaff } from '@/lib/auth/staff-session';
import { shownReport, type ImportActionState } from '@/lib/csv/import/action-state';
import { tooLargeRefusal } from '@/lib/csv/import/decode-file';
import { MAX_IMPORT_BYTES } from '@/lib/csv/import/types';
import { commitFigureImport, previewFigureImport } from '@/lib/data/writes/figure-import';
import { loggerFor } from '@/lib/logger';

const SHA256 = /^[0-9a-f]{64}$/;

export async function importFiguresAction(
  slug: string,
  _previous: ImportActionState,
  formData: FormData,
): Promise<ImportActionState> {
  const check = await checkStaff(await headers(), 'editor');
  if (!check.ok) return { status: check.reason };

  // Any client may call the action with any arguments: without a form there is no file.
  if (typeof slug !== 'string' || !(formData instanceof FormData)) return { status: 'no_file' };
  const file = formData.get('file');
  if (!(file instanceof File) || (file.size === 0 && file.name === '')) return { status: 'no_file' };
  // The audit log keeps the name; a browser sends at most a path's last part, but any client may
  // send anything.
  const name = file.name.slice(0, 200) || 'upload.csv';
  const previewed = formData.get('previewed');
  // Committing needs the fingerprint of the file that was previewed: a commit is always of a
  // file the editor has seen checked. Without one, this is a preview.
  const commit = formData.get('intent') === 'commit' && typeof previewed === 'string' && SHA256.test(previewed);
  const intent = commit ? 'commit' : 'preview';

  if (file.size > MAX_IMPORT_BYTES) {
    const info = { name, bytes: file.size, sha256: null, hxl: false };
    return { status: 'reported', intent, report: { status: 'refused', file: info, refusals: [tooLargeRefusal(file.size)] } };
  }
  try {
    const upload = { name, bytes: new Uint8Array(await file.arrayBuffer()) };
    const report = commit
      ? await commitFigureImport(check.actor, slug, upload, previewed as string)
      : await previewFigureImport(slug, upload);
    return { status: 'reported', intent, report: shownReport(report) };
  } catch (error) {
    // One line for the operator; the editor gets a sentence, never a stack trace.
    loggerFor('csv-import').error(`figure import into ${slug} failed: ${error instanceof Error ? error.message : String(error)}`);
    return { status: 'failed' };
  }
}
