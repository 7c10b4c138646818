import type { FigureRow } from '../api/types';

export type Granularity = 'day' | 'week' | 'month';
export interface Point { bucket: string; redemptions: number; discount: number; revenue: number; roi: number | null }

/** The bucket a UTC day falls in: the day itself, the Monday of its ISO week, or the first of its month. */
export function bucketOf(day: string, granularity: Granularity): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return `${day.slice(0, 7)}-01`;
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - weekday);
  return d.toISOString().slice(0, 10);
}

/** Every day from `from` to `to` inclusive (YYYY-MM-DD, UTC). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

/**
 * The report's per-day rows of one currency summed into buckets, every bucket of the range present (zero when
 * nothing happened), ROI recomputed per bucket as (attributed revenue − net discount) / net discount.
 */
export function series(rows: FigureRow[], currency: string, from: string, to: string, granularity: Granularity): Point[] {
  const buckets = new Map<string, Point>();
  for (const day of daysBetween(from, to)) {
    const b = bucketOf(day, granularity);
    if (!buckets.has(b)) buckets.set(b, { bucket: b, redemptions: 0, discount: 0, revenue: 0, roi: null });
  }
  for (const row of rows) {
    if (row.currency !== currency || !row.day) continue;
    const point = buckets.get(bucketOf(row.day, granularity));
    if (!point) continue;
    point.redemptions += Number(row.netRedemptions ?? row.redemptions);
    point.discount = round(point.discount + Number(row.netDiscount));
    point.revenue = round(point.revenue + Number(row.attributedRevenue));
  }
  for (const point of buckets.values()) point.roi = point.discount > 0 ? Math.round(((point.revenue - point.discount) / point.discount) * 10000) / 10000 : null;
  return [...buckets.values()];
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The currencies present in a report, most redemptions first (the default currency shown). */
export function currencies(rows: FigureRow[]): string[] {
  const count = new Map<string, number>();
  rows.forEach((r) => count.set(r.currency, (count.get(r.currency) ?? 0) + Number(r.redemptions)));
  return [...count.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}

/** The top `n` rows of a breakdown by net discount in one currency. */
export function top(rows: FigureRow[] | null | undefined, currency: string, n = 5): FigureRow[] {
  return (rows ?? []).filter((r) => r.currency === currency).sort((a, b) => Number(b.netRedemptions) - Number(a.netRedemptions) || Number(b.netDiscount) - Number(a.netDiscount)).slice(0, n);
}

/** Nice axis ticks from 0 to at least `max`. */
export function ticks(max: number, count = 4): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}
