// Turns driver errors into one line a person can act on, without stack traces or passwords.

const CONNECTION_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  ETIMEDOUT: 'connection timed out',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
};

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string') codes.push(code);
    if (Array.isArray(errors)) codes.push(...errors.flatMap(errorCodes));
    current = cause;
  }
  return codes;
}

/** Whether the error means the database could not be reached at all. */
export function isConnectionError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return (
    errorCodes(error).some((code) => code in CONNECTION_CODES) ||
    /connect(ion)? (timeout|terminated)|ECONNREFUSED|Can't reach database/i.test(message)
  );
}

export function describeConnectionError(error: unknown, hostAndPort: string): string {
  const known = errorCodes(error).find((code) => code in CONNECTION_CODES);
  if (known) return `Cannot reach the database at ${hostAndPort} (${CONNECTION_CODES[known]})`;
  if (isConnectionError(error)) return `Cannot reach the database at ${hostAndPort}`;
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
  // Prisma's messages open with an empty line and "Invalid `prisma.x()` invocation:", which
  // names the call, not what went wrong.
  return lines.find((line) => !/^Invalid `.*` invocation/.test(line)) ?? lines[0] ?? 'Unknown error';
}
