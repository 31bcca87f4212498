// The bytes of an uploaded file as text, or why they are not a CSV file the import can read:
// empty, too large, binary (a NUL byte: a spreadsheet's .xlsx, a zip, an image), or not UTF-8
// (the export writes UTF-8; a file re-saved as Windows-1252 would otherwise import mangled names).
import { MAX_IMPORT_BYTES, type FileRefusal } from './types';

const BOM = '\uFEFF';
/** Rounded up, so a file just over the limit never reads as "20 MB". */
const megabytes = (bytes: number) =>
  `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

export type DecodedFile = { ok: true; text: string } | { ok: false; refusal: FileRefusal };

/** The refusal of a file of `size` bytes over the limit; callers may check the size before reading. */
export function tooLargeRefusal(size: number): FileRefusal {
  return {
    code: 'too_large',
    message: `The file is too large: ${megabytes(size)}, over the import's limit of ${megabytes(MAX_IMPORT_BYTES)}. Split it into smaller files.`,
  };
}

export function decodeImportFile(bytes: Uint8Array): DecodedFile {
  if (bytes.length === 0) {
    return { ok: false, refusal: { code: 'empty', message: 'The file is empty: choose a CSV file exported from this site.' } };
  }
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, refusal: tooLargeRefusal(bytes.length) };
  if (bytes.includes(0)) {
    return {
      ok: false,
      refusal: { code: 'binary', message: 'The file is not text (it holds NUL bytes): save it as CSV (UTF-8), not as a spreadsheet.' },
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      refusal: { code: 'not_utf8', message: 'The file is not UTF-8 text: save it as "CSV UTF-8" and try again.' },
    };
  }
  // The export writes a byte-order mark for Excel on request; it is not part of the header.
  if (text.startsWith(BOM)) text = text.slice(1);
  if (text.trim() === '') {
    return { ok: false, refusal: { code: 'empty', message: 'The file is empty: choose a CSV file exported from this site.' } };
  }
  return { ok: true, text };
}
