import { describe, expect, it } from 'vitest';
import { describeConnectionError } from '../../lib/database-errors';

describe('describeConnectionError', () => {
  it('names an unreachable database by its address', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(describeConnectionError(error, '127.0.0.1:5432')).toBe(
      'Cannot reach the database at 127.0.0.1:5432 (connection refused)',
    );
  });

  it('gives the cause of a Prisma error, not its empty first line or the call it names', () => {
    const error = new Error(
      '\nInvalid `prisma.operation.create()` invocation:\n\n\nTransaction already closed: the timeout for this transaction was 5000 ms.',
    );
    expect(describeConnectionError(error, 'db:5432')).toBe(
      'Transaction already closed: the timeout for this transaction was 5000 ms.',
    );
  });

  it('never answers an empty line', () => {
    expect(describeConnectionError(new Error('\n\n'), 'db:5432')).toBe('Unknown error');
    expect(describeConnectionError(new Error(''), 'db:5432')).toBe('Unknown error');
  });
});
