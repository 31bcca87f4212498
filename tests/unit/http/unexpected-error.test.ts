// Which failures a client should retry (503 with Retry-After) and which are our bug (500).
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, unexpectedErrorResponse } from '../../../lib/http/unexpected-error';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['the server refusing connections', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['no free pool connection in time (pg-pool)', new Error('timeout exceeded when trying to connect')],
    ['a transaction that could not start in time (Prisma P2028)', withCode('Transaction API error: Unable to start a transaction in the given time.', 'P2028')],
    ['a statement cancelled at statement_timeout', withCode('canceling statement due to statement timeout', '57014')],
    ['a pool timeout wrapped by the driver adapter', new Error('query failed', { cause: new Error('timeout exceeded when trying to connect') })],
    ['a database that sent nothing back (pg query_timeout)', new Error('Query read timeout')],
    ['a server still starting up (57P03)', withCode('the database system is starting up', '57P03')],
    ['a server shut down by its operator (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['a driver adapter error kept under meta', Object.assign(new Error('Raw query failed'), { code: 'P2010', meta: { driverAdapterError: { originalCode: '57P03' } } })],
  ])('retries %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('Unique constraint failed on the fields: (`replaces_id`)', 'P2002')],
    ['a bug', new TypeError("Cannot read properties of null (reading 'disabled')")],
  ])('does not retry %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('unexpectedErrorResponse', () => {
  it('answers a busy database 503 with Retry-After and a bug 500, neither with a stack', async () => {
    const originalError = console.error;
    console.error = () => undefined;
    try {
      const busy = unexpectedErrorResponse(new Error('timeout exceeded when trying to connect'), 'test');
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('5');
      const bug = unexpectedErrorResponse(new TypeError('x is undefined'), 'test');
      expect(bug.status).toBe(500);
      expect(await bug.text()).not.toMatch(/TypeError|at /);
    } finally {
      console.error = originalError;
    }
  });
});
