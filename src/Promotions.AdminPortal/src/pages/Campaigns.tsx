import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, ok } from '../api/client';
import type { Campaign } from '../api/types';
import { can } from '../auth/roles';
import { useRoles } from '../auth/useSession';
import { date, Empty, ErrorBox, money, Spinner, StatusBadge, useLoad } from '../ui/kit';

const statuses = ['', 'draft', 'scheduled', 'active', 'paused', 'ended', 'archived'];

/** Campaigns with search (by name, the API's `q`), filters by status, owner and type, and cursor paging. */
export default function Campaigns() {
  const roles = useRoles();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const owner = params.get('owner') ?? '';
  const typeId = params.get('campaignTypeId') ?? '';
  const types = useLoad(() => ok(api.GET('/admin/campaign-types', { params: { query: { limit: '200' } as never } })).then((r) => (r.data as { items: { id: string; name: string }[] }).items), []);
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useLoad(() => ok(api.GET('/admin/campaigns', { params: { query: { status: status || undefined, owner: owner || undefined, campaignTypeId: typeId || undefined, q: q || undefined, cursor, limit: '25' } } })).then((r) => r.data),
    [status, owner, typeId, q, cursor]);
  const setFilter = (k: string, v: string) => { const next = new URLSearchParams(params); if (v) next.set(k, v); else next.delete(k); setParams(next); setCursors([undefined]); };
  // The search is sent as the API's q once typing pauses, so it looks through every campaign, not only this page.
  useEffect(() => {
    const wanted = search.trim();
    if (wanted === q) return undefined;
    const timer = setTimeout(() => setFilter('q', wanted), 300);
    return () => clearTimeout(timer);
  }, [search, q]);
  const items: Campaign[] = page.data?.items ?? [];
  return (
    <>
      <div className="row spread">
        <h1>Campaigns</h1>
        {can.write(roles) && <Link className="button primary" to="/campaigns/new">New campaign</Link>}
      </div>
      <div className="card row">
        <label>Search<input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name contains…" /></label>
        <label>Status<select value={status} onChange={(e) => setFilter('status', e.target.value)}>{statuses.map((s) => <option key={s} value={s}>{s || 'any'}</option>)}</select></label>
        <label>Owner<input value={owner} onChange={(e) => setFilter('owner', e.target.value)} placeholder="any" /></label>
        <label>Type<select value={typeId} onChange={(e) => setFilter('campaignTypeId', e.target.value)}>
          <option value="">any</option>{types.data?.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</select></label>
      </div>
      {page.error ? <ErrorBox error={page.error} onRetry={page.reload} /> : page.loading && !page.data ? <Spinner /> : items.length === 0 ? (
        <Empty>No campaign matches. {can.write(roles) && <Link to="/campaigns/new">Create one.</Link>}</Empty>
      ) : (
        <table>
          <thead><tr><th>Name</th><th>Status</th><th>Owner</th><th>Starts</th><th>Ends</th><th className="num">Budget</th></tr></thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td><Link to={`/campaigns/${c.id}`}>{c.name}</Link></td>
                <td><StatusBadge status={c.status} /></td>
                <td>{c.owner ?? '—'}</td>
                <td>{date(c.startsAt)}</td>
                <td>{date(c.endsAt)}</td>
                <td className="num">{c.budget ? money(c.budget.amount, c.budget.currency) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row" style={{ marginTop: 12 }}>
        <button disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>Previous page</button>
        <button disabled={!page.data?.nextCursor} onClick={() => setCursors([...cursors, page.data!.nextCursor!])}>Next page</button>
      </div>
    </>
  );
}
