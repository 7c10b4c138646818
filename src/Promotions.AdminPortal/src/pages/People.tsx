import { useState } from 'react';
import { api, ok } from '../api/client';
import { ApiError } from '../api/problem';
import { newLeaf, write, type Json } from '../rules/model';
import { RuleEditor } from '../rules/RuleEditor';
import { ErrorBox, FieldErrors } from '../ui/kit';
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
      {can.write(roles) && <NewSegment onCreated={segments.reload} />}
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

/** A new segment: a name, and either criteria made in the rule editor or members listed on the customers. */
function NewSegment({ onCreated }: { onCreated: () => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [withCriteria, setWithCriteria] = useState(true);
  const [criteria, setCriteria] = useState<Json>(() => write({ kind: 'all', children: [newLeaf('history.order_count')] }));
  const [error, setError] = useState<unknown>();
  const problem = error instanceof ApiError ? error.problem : undefined;
  if (!open) return <p><button onClick={() => setOpen(true)}>New segment</button></p>;
  return (
    <form className="card grid" onSubmit={async (e) => {
      e.preventDefault(); setError(undefined);
      try {
        await ok(api.POST('/admin/segments', { body: { name, ...(withCriteria ? { criteria } : {}) } as never }));
        setOpen(false); setName(''); onCreated();
      } catch (err) { setError(err); }
    }}>
      <h2>New segment</h2>
      <label>Segment name<input value={name} onChange={(e) => setName(e.target.value)} /><FieldErrors errors={error instanceof ApiError ? error.at('$.name') : []} /></label>
      <label className="inline"><input type="checkbox" checked={withCriteria} onChange={(e) => setWithCriteria(e.target.checked)} /> Customers who meet criteria (else: the customers that list it)</label>
      {withCriteria && <RuleEditor value={criteria} onChange={setCriteria} problem={problem} path="$.criteria" />}
      {problem && problem.status !== 400 && <ErrorBox error={error} />}
      <div className="row"><button className="primary" type="submit">Create segment</button><button type="button" onClick={() => setOpen(false)}>Cancel</button></div>
    </form>
  );
}
