import { describe, expect, it } from 'vitest';
import { downsampleForDrawing, type DrawingPoint } from '@/lib/chart-data/downsample';

/** A deterministic noisy climb with one deep dip and one spike hidden among 100,000 points. */
function longSeries(length: number): DrawingPoint[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  return Array.from({ length }, (_, i) => ({ t: 1_600_000_000_000 + i * 60_000, value: i + Math.floor(random() * 50) }));
}

describe('downsampleForDrawing', () => {
  it('returns a short series as it is', () => {
    const points = longSeries(1500);
    expect(downsampleForDrawing(points)).toBe(points);
    expect(downsampleForDrawing(points.slice(0, 3))).toEqual(points.slice(0, 3));
  });

  it('caps 100,000 points at 1,500 and keeps the first, last, minimum and maximum', () => {
    const points = longSeries(100_000);
    // A spike and a dip in the middle: narrow, so LTTB alone may drop one of them.
    points[50_001] = { t: points[50_001]!.t, value: 1_000_000 };
    points[70_003] = { t: points[70_003]!.t, value: -5 };
    const drawn = downsampleForDrawing(points);

    expect(drawn.length).toBeLessThanOrEqual(1500);
    expect(drawn.length).toBeGreaterThan(1400);
    expect(drawn[0]).toBe(points[0]);
    expect(drawn.at(-1)).toBe(points.at(-1));
    expect(drawn).toContain(points[50_001]);
    expect(drawn).toContain(points[70_003]);
    for (let i = 1; i < drawn.length; i += 1) expect(drawn[i]!.t).toBeGreaterThan(drawn[i - 1]!.t);
  });

  it('puts back an extreme that LTTB dropped, staying within the cap', () => {
    // A straight line with a one-point dip next to a much larger spike in the same region: LTTB
    // picks the spike's triangle in each bucket, and the dip is put back afterwards.
    const points = Array.from({ length: 1000 }, (_, i) => ({ t: i, value: 1000 + i }));
    points[500] = { t: 500, value: 999 };
    points[501] = { t: 501, value: 1_000_000 };
    const drawn = downsampleForDrawing(points, 10);
    expect(drawn.length).toBeLessThanOrEqual(10);
    expect(drawn.map((point) => point.value)).toEqual(expect.arrayContaining([1000, 1999, 999, 1_000_000]));
    expect(drawn.map((point) => point.t)).toEqual([...drawn.map((point) => point.t)].sort((a, b) => a - b));
  });

  it('keeps extra fields of the points it keeps, and sorts unsorted input by time', () => {
    const points = Array.from({ length: 50 }, (_, i) => ({ t: 49 - i, value: i % 7, id: `p${i}` }));
    const drawn = downsampleForDrawing(points, 8);
    expect(drawn.length).toBeLessThanOrEqual(8);
    expect(drawn[0]).toMatchObject({ t: 0, id: 'p49' });
    expect(drawn.at(-1)).toMatchObject({ t: 49, id: 'p0' });
  });

  it('refuses a cap too small to hold first, last, minimum and maximum', () => {
    expect(() => downsampleForDrawing(longSeries(10), 3)).toThrow(RangeError);
  });
});
