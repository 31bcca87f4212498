// The app's one logger: JSON lines on stdout (pino), for a log shipper to collect. Kept on
// globalThis because the HTTP server and the route bundles Next.js loads are separate module
// graphs in one process; they share this instance and so one output stream.
import pino, { type Logger } from 'pino';
import { env } from './env';

/**
 * Secrets never reach the log. Request lines carry no headers at all; these paths are the net
 * under anything logged as an object by mistake (a request, its headers, a parsed body).
 */
const REDACTED_PATHS = [
  'headers.cookie',
  'headers.authorization',
  'headers["set-cookie"]',
  'headers["idempotency-key"]',
  '*.headers.cookie',
  '*.headers.authorization',
  '*.headers["set-cookie"]',
  '*.headers["idempotency-key"]',
  'password',
  'token',
  '*.password',
  '*.token',
  '*.secret',
];

function createLogger(): Logger {
  return pino({
    level: env.LOG_LEVEL,
    timestamp: pino.stdTimeFunctions.isoTime,
    // "info", not 30: readable without a lookup table.
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  });
}

const globalForLogger = globalThis as unknown as { appLogger?: Logger };

export function getLogger(): Logger {
  globalForLogger.appLogger ??= createLogger();
  return globalForLogger.appLogger;
}

/** A child logger whose lines say which part of the app wrote them. */
export function loggerFor(component: string): Logger {
  return getLogger().child({ component });
}
