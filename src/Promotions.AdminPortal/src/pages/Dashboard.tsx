import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ok } from '../api/client';
import type { Campaign, FigureRow, Report } from '../api/types';
import { Chart } from '../charts/Charts';
import { currencies, series, top, type Granularity } from '../charts/shape';
import { ErrorBox, Loaded, money, Spinner, useLoad } from '../ui/kit';

const day = (d: Date) => d.toISOString().slice(0, 10);
const week = 7 * 24 * 3600 * 1000;

/** Campaigns by state, and over a range: redemptions, discount, attributed revenue, ROI, top promotions, channels. */
export default function Dashboard() {
  const [range, setRange] = useState(30);
  const [granularity, setGranularity] = useState<Granularity>('day');
  const to = day(new Date());
  const from = day(new Date(Date.now() - (range - 1) * 24 * 3600 * 1000));
  const report = useLoad(() => ok(api.GET('/analytics/overview', { params: { query: { from, to } } })).then((r) => r.data as Report), [from, to]);
  const campaigns = useLoad(() => loadCampaigns(), []);
  return (
    <>
      <div className="row spread">
        <h1>Overview</h1>
        <div className="row">
          <label className="inline">Range&nbsp;<select value={range} onChange={(e) => setRange(Number(e.target.value))}>
            <option value={7}>7 days</option><option value={30}>30 days</option><option value={90}>90 days</option><option value={365}>365 days</option></select></label>
          <label className="inline">By&nbsp;<select value={granularity} onChange={(e) => setGranularity(e.target.value as Granularity)}>
            <option value="day">day</option><option value="week">week</option><option value="month">month</option></select></label>
        </div>
      </div>
      <Loaded state={campaigns}>{(c) => <CampaignStates data={c} />}</Loaded>
      <Loaded state={report}>{(r) => <Figures report={r} granularity={granularity} campaigns={campaigns.data?.all ?? []} promotionNames={campaigns.data?.promotionNames} />}</Loaded>
    </>
  );
}

interface CampaignData { all: Campaign[]; low: { campaign: Campaign; usedPercent: number }[]; promotionNames: Map<string, string> }

async function loadCampaigns(): Promise<CampaignData> {
  const all: Campaign[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const { data } = await ok(api.GET('/admin/campaigns', { params: { query: { limit: '200', cursor } } }));
    all.push(...(data.items ?? []));
    cursor = data.nextCursor ?? undefined;
    if (!cursor) break;
  }
  const promotions = await ok(api.GET('/admin/promotions', { params: { query: { limit: '200' } } })).then((r) => r.data.items ?? [], () => []);
  const promotionNames = new Map(promotions.map((p) => [p.id, p.name] as [string, string]));
  const budgeted = all.filter((c) => c.status === 'active' && c.budget).slice(0, 25);
  const burns = await Promise.all(budgeted.map((c) => ok(api.GET('/analytics/campaigns/{id}', { params: { path: { id: c.id } } })).then((r) => ({ campaign: c, usedPercent: Number((r.data as Report).budget?.usedPercent ?? 0) }), () => null)));
  return { promotionNames, all, low: burns.filter((b): b is { campaign: Campaign; usedPercent: number } => !!b && b.usedPercent >= 80) };
}

function CampaignStates({ data }: { data: CampaignData }) {
  const now = Date.now();
  const running = data.all.filter((c) => c.status === 'active');
  const scheduled = data.all.filter((c) => c.status === 'scheduled');
  const ending = running.filter((c) => c.endsAt && new Date(c.endsAt).getTime() - now < week && new Date(c.endsAt).getTime() > now);
  const tile = (label: string, list: Campaign[], to: string, extra?: (c: Campaign) => string) => (
    <div className="card">
      <div className="muted">{label}</div>
      <div className="stat"><Link to={to}>{list.length}</Link></div>
      <ul className="small" style={{ paddingLeft: 16, margin: 0 }}>
        {list.slice(0, 3).map((c) => <li key={c.id}><Link to={`/campaigns/${c.id}`}>{c.name}</Link>{extra ? ` — ${extra(c)}` : ''}</li>)}
      </ul>
    </div>
  );
  return (
    <div className="grid cols-4">
      {tile('Running', running, '/campaigns?status=active')}
      {tile('Scheduled', scheduled, '/campaigns?status=scheduled')}
      {tile('Ending within 7 days', ending, '/campaigns?status=active', (c) => new Date(c.endsAt!).toLocaleDateString('en-GB'))}
      {tile('Low on budget (≥ 80 % used)', data.low.map((l) => l.campaign), '/campaigns?status=active', (c) => `${Math.round(data.low.find((l) => l.campaign.id === c.id)!.usedPercent)} %`)}
    </div>
  );
}

function Figures({ report, granularity, campaigns, promotionNames }: { report: Report; granularity: Granularity; campaigns: Campaign[]; promotionNames?: Map<string, string> }) {
  const list = currencies([...report.totals, ...report.days]);
  const [picked, setPicked] = useState<string>();
  const currency = picked ?? list[0] ?? 'EUR';
  const totals: FigureRow | undefined = report.totals.find((t) => t.currency === currency);
  const points = series(report.days, currency, report.from, report.to, granularity);
  const labels = points.map((p) => p.bucket);
  const nameOf = (id: string | null | undefined) => campaigns.find((c) => c.id === id)?.name ?? id ?? '—';
  if (!report) return <Spinner />;
  return (
    <>
      <div className="row spread">
        <h2>{report.from} to {report.to}</h2>
        {list.length > 1 && <label className="inline">Currency&nbsp;<select value={currency} onChange={(e) => setPicked(e.target.value)}>{list.map((c) => <option key={c}>{c}</option>)}</select></label>}
      </div>
      <div className="grid cols-4">
        <div className="card"><div className="muted">Redemptions</div><div className="stat" data-testid="total-redemptions">{Number(totals?.netRedemptions ?? 0)}</div></div>
        <div className="card"><div className="muted">Discount cost</div><div className="stat" data-testid="total-discount">{money(totals?.netDiscount, currency)}</div></div>
        <div className="card"><div className="muted">Attributed revenue</div><div className="stat">{money(totals?.attributedRevenue, currency)}</div></div>
        <div className="card"><div className="muted">ROI</div><div className="stat">{totals?.roi != null ? `${Math.round(Number(totals.roi) * 100)} %` : '—'}</div></div>
      </div>
      {list.length === 0 && <ErrorBox error={new Error('No redemption in this range yet: the charts fill in as orders are redeemed.')} />}
      <div className="grid cols-2">
        <div className="card"><Chart title="Redemptions" kind="bar" labels={labels} series={[{ key: 'r', label: 'Redemptions', color: 'var(--c1)', values: points.map((p) => p.redemptions) }]} /></div>
        <div className="card"><Chart title={`Discount and attributed revenue (${currency})`} labels={labels} series={[
          { key: 'd', label: 'Discount', color: 'var(--c2)', values: points.map((p) => p.discount) },
          { key: 'v', label: 'Revenue', color: 'var(--c3)', values: points.map((p) => p.revenue) }]} /></div>
        <div className="card"><Chart title="ROI" labels={labels} series={[{ key: 'roi', label: 'ROI', color: 'var(--c4)', values: points.map((p) => p.roi) }]} /></div>
        <div className="card">
          <h3>By channel</h3>
          <Breakdown rows={top(report.channels, currency, 10)} currency={currency} link={() => null} label={(r) => r.key ?? '—'} />
        </div>
        <div className="card">
          <h3>Top promotions</h3>
          <Breakdown rows={top(report.promotions, currency)} currency={currency} link={(r) => `/promotions/${r.key}`} label={(r) => promotionNames?.get(r.key ?? '') ?? r.key ?? '—'} />
        </div>
        <div className="card">
          <h3>Top campaigns</h3>
          <Breakdown rows={top(report.campaigns, currency)} currency={currency} link={(r) => `/campaigns/${r.key}`} label={(r) => nameOf(r.key)} />
        </div>
      </div>
    </>
  );
}

function Breakdown({ rows, currency, link, label }: { rows: FigureRow[]; currency: string; link: (r: FigureRow) => string | null; label: (r: FigureRow) => string }) {
  if (rows.length === 0) return <p className="muted">No redemption yet.</p>;
  return (
    <table>
      <thead><tr><th>Name</th><th className="num">Redemptions</th><th className="num">Discount</th><th className="num">Revenue</th></tr></thead>
      <tbody>
        {rows.map((r) => {
          const to = link(r);
          return (
            <tr key={`${r.key}${r.currency}`}>
              <td>{to ? <Link to={to}>{label(r)}</Link> : label(r)}</td>
              <td className="num">{Number(r.netRedemptions)}</td>
              <td className="num">{money(r.netDiscount, currency)}</td>
              <td className="num">{money(r.attributedRevenue, currency)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
