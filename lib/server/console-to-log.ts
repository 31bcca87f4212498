// Next.js and libraries write to console.*; in production every line on stdout must be one JSON
// object for the log shipper, so console output goes through the logger.
import { format } from 'node:util';
import type { Logger } from 'pino';

type Level = 'debug' | 'info' | 'warn' | 'error';

export function routeConsoleToLogger(logger: Logger): void {
  const write =
    (level: Level) =>
    (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const message = format(...args.filter((arg) => arg !== error)).trim();
      if (error) logger[level]({ err: error }, message || error.message);
      else logger[level](message);
    };
  console.debug = write('debug');
  console.log = write('info');
  console.info = write('info');
  console.warn = write('warn');
  console.error = write('error');
}
