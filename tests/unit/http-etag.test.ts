import { describe, expect, it } from 'vitest';
import { cacheControlForView, CURRENT_VIEW_CACHE_CONTROL, PAST_VIEW_CACHE_CONTROL } from '@/lib/http/cache-policy';
import { ifNoneMatchMatches, strongEtag } from '@/lib/http/etag';
import { conditionalJson } from '@/lib/http/json-response';

describe('strongEtag', () => {
  it('is a quoted tag that depends on every byte of the body', () => {
    const tag = strongEtag('{"value":25100}');
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(strongEtag('{"value":25100}')).toBe(tag);
    expect(strongEtag('{"value":25101}')).not.toBe(tag);
  });
});

describe('ifNoneMatchMatches', () => {
  const tag = '"abc"';
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['"x",W/"abc" ,"y"', true],
    ['*', true],
    ['"abcd"', false],
    ['abc', false],
    ['', false],
  ])('If-None-Match: %s → %s', (header, expected) => {
    expect(ifNoneMatchMatches(header, tag)).toBe(expected);
  });

  it('matches a weak tag of ours too (a compressing proxy may weaken it)', () => {
    expect(ifNoneMatchMatches('"abc"', 'W/"abc"')).toBe(true);
  });

  it('is false without the header', () => {
    expect(ifNoneMatchMatches(null, tag)).toBe(false);
  });
});

describe('conditionalJson', () => {
  const data = { total: 25_100 };
  const request = (headers: Record<string, string> = {}) => new Request('http://x/api', { headers });

  it('answers 200 with the JSON, its ETag and the caching headers', async () => {
    const response = conditionalJson(request(), data, CURRENT_VIEW_CACHE_CONTROL);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(data);
    expect(response.headers.get('etag')).toBe(strongEtag(JSON.stringify(data)));
    expect(response.headers.get('cache-control')).toBe(CURRENT_VIEW_CACHE_CONTROL);
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('answers 304 without a body, and with the same headers, when the client has it', async () => {
    const etag = strongEtag(JSON.stringify(data));
    const response = conditionalJson(request({ 'if-none-match': `W/${etag}` }), data, CURRENT_VIEW_CACHE_CONTROL);
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
    expect(response.headers.get('etag')).toBe(etag);
    expect(response.headers.get('cache-control')).toBe(CURRENT_VIEW_CACHE_CONTROL);
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
  });
});

describe('cacheControlForView', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('keeps the current view fresh for seconds and a finished day for a minute', () => {
    expect(cacheControlForView(undefined, now)).toBe(CURRENT_VIEW_CACHE_CONTROL);
    expect(cacheControlForView(new Date('2021-08-22T19:29:59.999Z'), now)).toBe(PAST_VIEW_CACHE_CONTROL);
    // Today's date as asOf ends in the future: new figures still change it.
    expect(cacheControlForView(new Date('2026-01-01T23:59:59.999Z'), now)).toBe(CURRENT_VIEW_CACHE_CONTROL);
  });
});
