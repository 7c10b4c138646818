import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, download, ok } from '../api/client';
import type { Campaign, Promotion, Report, StageReport } from '../api/types';
import { can } from '../auth/roles';
import { useRoles } from '../auth/useSession';
import { Chart } from '../charts/Charts';
import { currencies, series, type Granularity } from '../charts/shape';
import { summary, type Effect } from '../effects/model';
import { PlanCard } from '../plans/PlanCard';
import { StagePerformance, stageReportFrom } from '../plans/StagePerformance';
import { Lifecycle } from '../ui/Lifecycle';
import { date, Empty, ErrorBox, Loaded, money, Spinner, StatusBadge, useLoad } from '../ui/kit';

/** One campaign: status and lifecycle, budget burn, its promotions, performance and CSV export. */
export default function CampaignPage() {
  const { id = '' } = useParams();
  const roles = useRoles();
  const campaign = useLoad(() => ok(api.GET('/admin/campaigns/{id}', { params: { path: { id } } })), [id]);
  const promotions = useLoad(() => ok(api.GET('/admin/promotions', { params: { query: { campaignId: id, limit: '200' } } })).then((r) => r.data.items as Promotion[]), [id]);
  const report = useLoad(() => (can.analytics(roles) ? ok(api.GET('/analytics/campaigns/{id}', { params: { path: { id } } })).then((r) => r.data as Report) : Promise.resolve(null)), [id]);
  const startsAt = (campaign.data?.data as Campaign | undefined)?.startsAt;
  const stages = useLoad(() => (can.analytics(roles) && campaign.data
    ? ok(api.GET('/analytics/campaigns/{id}/stages', { params: { path: { id }, query: { from: stageReportFrom(startsAt) } } })).then((r) => r.data as StageReport)
    : Promise.resolve(null)), [id, campaign.data?.etag]);
  if (campaign.error) return <ErrorBox error={campaign.error} onRetry={campaign.reload} />;
  if (!campaign.data) return <Spinner />;
  const c = campaign.data.data as Campaign;
  const act = async (action: string) => {
    await ok(api.POST('/admin/campaigns/{id}/lifecycle', { params: { path: { id }, header: { 'If-Match': campaign.data!.etag ?? '' } }, body: { action } as never }));
    campaign.reload();
  };
  return (
    <>
      <div className="row spread">
        <div><Link to="/campaigns">← Campaigns</Link><h1>{c.name}</h1></div>
        <div className="row">
          {can.write(roles) && <Link className="button" to={`/campaigns/${id}/edit`}>Edit</Link>}
          {can.analytics(roles) && <button onClick={() => download(`/analytics/campaigns/${id}/export?format=csv`, `campaign-${id}.csv`)}>Export CSV</button>}
        </div>
      </div>
      <div className="card">
        <Lifecycle status={c.status} canWrite={can.write(roles)} act={act} reload={campaign.reload} />
        <p className="muted">{c.description}</p>
        <div className="row small">
          <span>Owner: {c.owner ?? '—'}</span><span>Starts: {date(c.startsAt)}</span><span>Ends: {date(c.endsAt)}</span>
          <span>Budget: {c.budget ? money(c.budget.amount, c.budget.currency) : 'none'}</span>
        </div>
      </div>
      {report.data && <Budget report={report.data} />}
      <div className="card">
        <div className="row spread">
          <h2>Promotions</h2>
          {can.write(roles) && <Link className="button primary" to={`/promotions/new?campaignId=${id}`}>New promotion</Link>}
        </div>
        <Loaded state={promotions}>
          {(list) => list.length === 0 ? <Empty>No promotion in this campaign yet.</Empty> : (
            <table>
              <thead><tr><th>Name</th><th>Kind</th><th>Status</th><th>Effect</th><th>Channels</th></tr></thead>
              <tbody>{list.map((p) => (
                <tr key={p.id}><td><Link to={`/promotions/${p.id}`}>{p.name}</Link></td><td>{p.kind}</td><td><StatusBadge status={p.status} /></td>
                  <td>{summary(p.effect as unknown as Effect)}</td><td>{p.channels.length ? p.channels.join(', ') : 'all'}</td></tr>
              ))}</tbody>
            </table>
          )}
        </Loaded>
      </div>
      <PlanCard campaign={c} etag={campaign.data.etag} roles={roles} promotions={promotions.data ?? []} onChanged={campaign.reload} />
      {stages.data && <StagePerformance report={stages.data} />}
      {stages.error ? <ErrorBox error={stages.error} /> : null}
      {report.data && <Performance report={report.data} />}
      {report.error ? <ErrorBox error={report.error} /> : null}
    </>
  );
}

function Budget({ report }: { report: Report }) {
  const b = report.budget;
  if (!b) return null;
  const used = Number(b.usedPercent);
  return (
    <div className="card">
      <h2>Budget burn</h2>
      <div className="row spread small"><span>{money(b.used, b.currency)} used of {money(b.amount, b.currency)}</span><span>{money(b.left, b.currency)} left</span></div>
      <div className="progress" role="progressbar" aria-label="Budget used" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(used)}>
        <div style={{ width: `${Math.min(100, used)}%`, background: used >= 80 ? 'var(--danger)' : undefined }} />
      </div>
      {b.days.length > 0 && <Chart title="Cumulative spend" labels={b.days.map((d) => d.day)} series={[{ key: 'c', label: 'Spent', color: 'var(--c2)', values: b.days.map((d) => Number(d.cumulative)) }]} />}
    </div>
  );
}

export function Performance({ report }: { report: Report }) {
  const [granularity, setGranularity] = useState<Granularity>('day');
  const currency = currencies([...report.totals, ...report.days])[0] ?? 'EUR';
  const points = series(report.days, currency, report.from, report.to, granularity);
  const totals = report.totals.find((t) => t.currency === currency);
  return (
    <div className="card">
      <div className="row spread">
        <h2>Performance, {report.from} to {report.to}</h2>
        <label className="inline">By&nbsp;<select value={granularity} onChange={(e) => setGranularity(e.target.value as Granularity)}><option>day</option><option>week</option><option>month</option></select></label>
      </div>
      <div className="row small">
        <span>Redemptions: <strong>{Number(totals?.netRedemptions ?? 0)}</strong></span>
        <span>Discount: <strong>{money(totals?.netDiscount, currency)}</strong></span>
        <span>Revenue: <strong>{money(totals?.attributedRevenue, currency)}</strong></span>
        <span>ROI: <strong>{totals?.roi != null ? `${Math.round(Number(totals.roi) * 100)} %` : '—'}</strong></span>
        <span>Codes issued: <strong>{Number(report.codes.issued)}</strong></span>
      </div>
      <div className="grid cols-2">
        <Chart title="Redemptions" kind="bar" labels={points.map((p) => p.bucket)} series={[{ key: 'r', label: 'Redemptions', color: 'var(--c1)', values: points.map((p) => p.redemptions) }]} />
        <Chart title="Discount and revenue" labels={points.map((p) => p.bucket)} series={[
          { key: 'd', label: 'Discount', color: 'var(--c2)', values: points.map((p) => p.discount) },
          { key: 'v', label: 'Revenue', color: 'var(--c3)', values: points.map((p) => p.revenue) }]} />
      </div>
    </div>
  );
}
