// An uploaded file, read as far as it can be without the database: decoded, its header and HXL
// row checked, refused as a whole when it is for another operation, and every row validated on
// its own. The SHA-256 of the bytes identifies the file in the audit log and ties a commit to
// the preview the editor saw.
import { createHash } from 'node:crypto';
import { decodeImportFile } from './decode-file';
import { readImportRow } from './read-row';
import { readImportTable, type CsvRecord, type CsvTable } from './read-table';
import { readTextCell } from './text-cell';
import type { FileRefusal, ImportContext, ImportFileReading } from './types';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A file holds one operation's figures: a row naming another refuses the whole file. */
function otherOperation(record: CsvRecord, table: CsvTable, context: ImportContext): FileRefusal | null {
  const cell = readTextCell(record.cells[table.columns.operation] ?? '');
  const named = cell.ok ? cell.text.trim() : '';
  if (named === '' || named === context.operation) return null;
  return {
    code: 'other_operation',
    message: `Row ${record.row} is a figure of the operation "${named}", not of ${context.operation}: ` +
      'import each operation\'s file on its own page.',
  };
}

export function readImportFile(bytes: Uint8Array, context: ImportContext): ImportFileReading {
  const decoded = decodeImportFile(bytes);
  // Not hashed when too large: the bytes were never meant to be read.
  if (!decoded.ok) {
    return { ok: false, sha256: decoded.refusal.code === 'too_large' ? null : sha256Hex(bytes), refusals: [decoded.refusal] };
  }
  const sha256 = sha256Hex(bytes);
  let other: FileRefusal | null = null;
  const table = readImportTable(decoded.text, (record, columns) => {
    other ??= otherOperation(record, columns, context);
    return readImportRow(record, columns, context);
  });
  if (!table.ok) return { ok: false, sha256, refusals: table.refusals };
  if (other) return { ok: false, sha256, refusals: [other] };
  return { ok: true, sha256, hxl: table.hxl, rows: table.rows };
}
