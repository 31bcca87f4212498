// Inputs the HTTP fuzzer found answered with a 500, pinned: a path Next.js cannot decode or that
// holds a NUL, and a correction body whose `replaces` is an object.
import { describe, expect, it } from 'vitest';
import { correctionInput } from '@/lib/http/figure-correction-route';
import { malformedPathResponse } from '@/lib/http/malformed-path';

describe('malformedPathResponse', () => {
  it.each(['/api/operations/%e2%82/summary', '/api/operations/%ff/figures.csv', '/api/operations/kabul-2021%00/live', '/api/operations/%/series'])(
    'refuses %s with a 400 in JSON',
    async (path) => {
      const response = malformedPathResponse(path)!;
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_path' });
    },
  );

  it('answers a page address with a short page', async () => {
    const response = malformedPathResponse('/operations/%c0%af')!;
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
  });

  it.each(['/', '/api/operations/kabul-2021/summary', '/operations/kabul-2021', '/api/operations/%E2%82%AC/summary', '/embed/a%2Fb'])('lets %s through', (path) => {
    expect(malformedPathResponse(path)).toBeNull();
  });
});

describe('correctionInput', () => {
  it.each<[unknown]>([[{ toString: 1 }], [{ valueOf: null }], [[7]], [null], [true]])('refuses replaces = %j naming the field, without throwing', async (replaces) => {
    const result = correctionInput(7, { replaces } as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(await result.response.json()).toMatchObject({ errors: [{ field: 'replaces' }] });
  });

  it('takes replaces given as the path’s id, as a number or text', () => {
    expect(correctionInput(7, { replaces: 7 })).toMatchObject({ ok: true, input: { replaces: 7 } });
    expect(correctionInput(7, { replaces: ' 7 ' })).toMatchObject({ ok: true, input: { replaces: 7 } });
  });
});
