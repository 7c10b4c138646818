import type { FigureRow, StageReport } from '../api/types';
import { date, money } from '../ui/kit';

type Row = { key: string; name: string; status?: string; window: string; totals: FigureRow[] };

/** The first day a stage report should cover: the campaign's start, when it has begun and lies within the 400 days a report may span. */
export function stageReportFrom(startsAt: string | null | undefined, now = new Date()): string | undefined {
  if (!startsAt) return undefined;
  const day = new Date(startsAt).toISOString().slice(0, 10);
  const today = now.toISOString().slice(0, 10);
  const earliest = new Date(now.getTime() - 399 * 86_400_000).toISOString().slice(0, 10);
  return day <= today && day >= earliest ? day : undefined;
}

/**
 * Each stage of the campaign's plan with what was redeemed in it (as checkout recorded it), net of reversals: a return
 * counts in the stage of the order it returns. Nothing is shown for a campaign without stages or stage figures.
 */
export function StagePerformance({ report }: { report: StageReport }) {
  if (report.stages.length === 0 && report.noStage.length === 0) return null;
  const all = [...report.stages.flatMap((s) => s.totals), ...report.noStage];
  const currency = all[0]?.currency ?? 'EUR';
  const rows: Row[] = [
    ...report.stages.map((s) => ({
      key: `${s.index}:${s.name}`, name: s.name, status: s.status,
      window: s.startedAt ? `${date(s.startedAt)} – ${s.endedAt ? date(s.endedAt) : 'now'}` : s.runsAt ? `from ${date(s.runsAt)}` : '—',
      totals: s.totals,
    })),
    ...(report.noStage.length > 0 ? [{ key: 'none', name: 'No stage', window: 'before the first stage, or without a plan', totals: report.noStage }] : []),
  ];
  return (
    <div className="card">
      <h2>Performance by stage, {report.from} to {report.to}</h2>
      <table aria-label="Performance by stage">
        <thead><tr><th>Stage</th><th>Status</th><th>Window</th><th>Redemptions</th><th>Discount</th><th>Revenue</th></tr></thead>
        <tbody>{rows.map((r) => {
          const t = r.totals.find((f) => f.currency === currency);
          return (
            <tr key={r.key} data-testid={`stage-${r.name}`}>
              <td>{r.name}</td><td>{r.status ? <span className={`badge ${r.status === 'applied' ? 'pass' : ''}`}>{r.status.replace(/_/g, ' ')}</span> : null}</td>
              <td className="small">{r.window}</td>
              <td>{Number(t?.netRedemptions ?? 0)}</td><td>{money(t?.netDiscount, currency)}</td><td>{money(t?.attributedRevenue, currency)}</td>
            </tr>
          );
        })}</tbody>
      </table>
    </div>
  );
}
