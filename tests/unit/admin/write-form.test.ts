import { describe, expect, it } from 'vitest';
import { readWriteForm } from '@/lib/admin/write-form';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe('reading an admin write form', () => {
  it('splits the operation and the idempotency key from the input the schema reads', () => {
    const read = readWriteForm(
      form([
        ['operation', 'kabul-2021'],
        ['idempotencyKey', '0b8e7c1e-8f4e-4a57-9a35-0b1d2f3c4d5e'],
        ['value', '28,000'],
        ['source.publisher', 'Pentagon'],
        ['$ACTION_REF_1', ''],
      ]),
    );
    expect(read).toEqual({
      operationSlug: 'kabul-2021',
      idempotencyKey: '0b8e7c1e-8f4e-4a57-9a35-0b1d2f3c4d5e',
      input: { value: '28,000', source: { publisher: 'Pentagon' } },
    });
  });

  it('writes without deduplication when the key is missing or malformed, rather than trusting it', () => {
    expect(readWriteForm(form([['value', '1']])).idempotencyKey).toBeUndefined();
    expect(readWriteForm(form([['idempotencyKey', '']])).idempotencyKey).toBeUndefined();
    expect(readWriteForm(form([['idempotencyKey', 'has spaces in it']])).idempotencyKey).toBeUndefined();
    expect(readWriteForm(form([['idempotencyKey', 'x'.repeat(201)]])).idempotencyKey).toBeUndefined();
    expect(readWriteForm(form([])).operationSlug).toBe('');
  });
});
