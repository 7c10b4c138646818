import { describe, expect, it } from 'vitest';
import type { FigureRow } from '../api/types';
import { bucketOf, currencies, daysBetween, series, ticks, top } from './shape';

const row = (day: string | null, currency: string, redemptions: number, discount: number, revenue: number, key: string | null = null): FigureRow => ({
  key, day, currency, redemptions, netRedemptions: redemptions, reversals: 0, fullReversals: 0, discountGiven: discount, discountReversed: 0,
  netDiscount: discount, orderRevenue: revenue, attributedRevenue: revenue, roi: null, distinctCustomers: 1,
}) as unknown as FigureRow;

describe('chart data shaping', () => {
  it('puts a day in its ISO week (Monday) and month', () => {
    expect(bucketOf('2026-12-06', 'week')).toBe('2026-11-30'); // a Sunday
    expect(bucketOf('2026-12-07', 'week')).toBe('2026-12-07'); // a Monday
    expect(bucketOf('2026-12-31', 'month')).toBe('2026-12-01');
    expect(bucketOf('2026-12-31', 'day')).toBe('2026-12-31');
  });

  it('lists every day of a range, across months', () => {
    expect(daysBetween('2026-01-30', '2026-02-02')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
  });

  it('fills empty days with zero and sums one currency only', () => {
    const rows = [row('2026-12-01', 'EUR', 2, 10, 100), row('2026-12-03', 'EUR', 1, 5.5, 40), row('2026-12-03', 'USD', 9, 90, 900)];
    const points = series(rows, 'EUR', '2026-12-01', '2026-12-03', 'day');
    expect(points.map((p) => [p.bucket, p.redemptions, p.discount, p.revenue])).toEqual([
      ['2026-12-01', 2, 10, 100], ['2026-12-02', 0, 0, 0], ['2026-12-03', 1, 5.5, 40]]);
  });

  it('sums weeks and recomputes ROI per bucket, none without discount', () => {
    const rows = [row('2026-11-30', 'EUR', 1, 10, 30), row('2026-12-02', 'EUR', 1, 10, 50), row('2026-12-08', 'EUR', 1, 0, 0)];
    const points = series(rows, 'EUR', '2026-11-30', '2026-12-08', 'week');
    expect(points).toEqual([
      { bucket: '2026-11-30', redemptions: 2, discount: 20, revenue: 80, roi: 3 },
      { bucket: '2026-12-07', redemptions: 1, discount: 0, revenue: 0, roi: null }]);
  });

  it('keeps decimal sums exact at the cent', () => {
    const rows = [row('2026-12-01', 'EUR', 1, 0.1, 0), row('2026-12-01', 'EUR', 1, 0.2, 0)];
    expect(series(rows, 'EUR', '2026-12-01', '2026-12-01', 'month')[0].discount).toBe(0.3);
  });

  it('orders currencies by redemptions and ranks the top rows', () => {
    const rows = [row(null, 'USD', 1, 1, 1, 'a'), row(null, 'EUR', 5, 1, 1, 'b'), row(null, 'EUR', 7, 2, 1, 'c')];
    expect(currencies(rows)).toEqual(['EUR', 'USD']);
    expect(top(rows, 'EUR', 1).map((r) => r.key)).toEqual(['c']);
    expect(top(null, 'EUR')).toEqual([]);
  });

  it('makes round axis ticks that reach the maximum', () => {
    expect(ticks(0)).toEqual([0, 1]);
    expect(ticks(95)).toEqual([0, 25, 50, 75, 100]);
    expect(ticks(7)).toEqual([0, 2, 4, 6, 8]);
  });
});
