import { api, ok } from '../api/client';
import type { Customer, Segment } from '../api/types';
import { can } from '../auth/roles';
import { useRoles } from '../auth/useSession';
import { Loaded, useLoad } from '../ui/kit';

/** Segments, and customers; e-mail, name and location (personal data) only for the roles that may read them. */
export default function People() {
  const roles = useRoles();
  const personal = can.personalData(roles);
  const segments = useLoad(() => ok(api.GET('/admin/segments', { params: { query: { limit: '200' } as never } })).then((r) => (r.data as { items: Segment[] }).items), []);
  const customers = useLoad(() => ok(api.GET('/admin/customers', { params: { query: { limit: '50' } as never } })).then((r) => (r.data as { items: Customer[] }).items), []);
  return (
    <>
      <h1>Segments &amp; customers</h1>
      <div className="card">
        <h2>Segments</h2>
        <Loaded state={segments} empty={(d) => d.length === 0}>
          {(items) => <table><thead><tr><th>Name</th><th>Description</th><th>Criteria</th></tr></thead>
            <tbody>{items.map((s) => <tr key={s.id}><td>{s.name}</td><td>{s.description ?? '—'}</td><td><code className="small">{s.criteria ? JSON.stringify(s.criteria) : 'members listed'}</code></td></tr>)}</tbody></table>}
        </Loaded>
      </div>
      <div className="card">
        <h2>Customers</h2>
        {!personal && <p className="muted small">Your role does not show personal data (e-mail, name, location).</p>}
        <Loaded state={customers} empty={(d) => d.length === 0}>
          {(items) => <table><thead><tr><th>Id</th>{personal && <><th>Name</th><th>E-mail</th><th>Country</th></>}<th>Segments</th><th className="num">Orders</th></tr></thead>
            <tbody>{items.map((c) => (
              <tr key={c.id}><td><code>{c.id}</code></td>
                {personal && <><td>{c.name ?? '—'}</td><td>{c.email ?? '—'}</td><td>{c.location?.country ?? '—'}</td></>}
                <td>{c.segmentIds.join(', ') || '—'}</td><td className="num">{Number(c.history?.orderCount ?? 0)}</td></tr>
            ))}</tbody></table>}
        </Loaded>
      </div>
    </>
  );
}
