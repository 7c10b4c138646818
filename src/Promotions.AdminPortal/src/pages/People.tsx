import { useState } from 'react';
import { api, ok } from '../api/client';
import { CustomerForm, type CustomerBody } from '../people/CustomerForm';
import { SegmentForm, type SegmentBody } from '../people/SegmentForm';
import { ErrorBox, Spinner } from '../ui/kit';
import type { Customer, Segment } from '../api/types';
import { can } from '../auth/roles';
import { useRoles } from '../auth/useSession';
import { Loaded, useLoad } from '../ui/kit';

/** Segments, and customers; e-mail, name and location (personal data) only for the roles that may read them. */
export default function People() {
  const roles = useRoles();
  const personal = can.personalData(roles);
  const segments = useLoad(() => ok(api.GET('/admin/segments', { params: { query: { limit: '200' } as never } })).then((r) => (r.data as { items: Segment[] }).items), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [customer, setCustomer] = useState<string | null>(null);
  const choices = segments.data ?? [];
  const customerDone = () => { setCustomer(null); customers.reload(); };
  const customers = useLoad(() => ok(api.GET('/admin/customers', { params: { query: { limit: '50' } as never } })).then((r) => (r.data as { items: Customer[] }).items), []);
  return (
    <>
      <h1>Segments &amp; customers</h1>
      {can.write(roles) && !editing && <NewSegment onCreated={segments.reload} />}
      {editing && <EditSegment id={editing} onDone={() => { setEditing(null); segments.reload(); }} />}
      <div className="card">
        <h2>Segments</h2>
        <Loaded state={segments} empty={(d) => d.length === 0}>
          {(items) => <table><thead><tr><th>Name</th><th>Description</th><th>Criteria</th>{can.write(roles) && <th><span className="sr-only">Actions</span></th>}</tr></thead>
            <tbody>{items.map((s) => <tr key={s.id}><td>{s.name}</td><td>{s.description ?? '—'}</td><td><code className="small">{s.criteria ? JSON.stringify(s.criteria) : 'members listed'}</code></td>
              {can.write(roles) && <td><button onClick={() => setEditing(s.id)} aria-label={`Edit segment ${s.name}`}>Edit</button></td>}</tr>)}</tbody></table>}
        </Loaded>
      </div>
      <div className="card">
        <div className="row spread">
          <h2>Customers</h2>
          {can.write(roles) && customer === null && <button onClick={() => setCustomer('')}>New customer</button>}
        </div>
        {customer === '' && <CustomerForm personal={personal} segments={choices} onSave={async (body) => { await ok(api.POST('/admin/customers', { body })); customerDone(); }} onCancel={() => setCustomer(null)} />}
        {customer && <EditCustomer id={customer} personal={personal} segments={choices} onDone={customerDone} />}
        {!personal && <p className="muted small">Your role does not show personal data (e-mail, name, location).</p>}
        <Loaded state={customers} empty={(d) => d.length === 0}>
          {(items) => <table><thead><tr><th>Id</th>{personal && <><th>Name</th><th>E-mail</th><th>Country</th></>}<th>Segments</th><th className="num">Orders</th>{can.write(roles) && <th><span className="sr-only">Actions</span></th>}</tr></thead>
            <tbody>{items.map((c) => (
              <tr key={c.id}><td><code>{c.id}</code></td>
                {personal && <><td>{c.name ?? '—'}</td><td>{c.email ?? '—'}</td><td>{c.location?.country ?? '—'}</td></>}
                <td>{c.segmentIds.join(', ') || '—'}</td><td className="num">{Number(c.history?.orderCount ?? 0)}</td>
                {can.write(roles) && <td><button onClick={() => setCustomer(c.id)} aria-label={`Edit customer ${c.id}`}>Edit</button></td>}</tr>
            ))}</tbody></table>}
        </Loaded>
      </div>
    </>
  );
}

/** A new segment, made with the form it is edited in. */
function NewSegment({ onCreated }: { onCreated: () => void }) {
  const [open, setOpen] = useState(false);
  if (!open) return <p><button onClick={() => setOpen(true)}>New segment</button></p>;
  const save = async (body: SegmentBody) => {
    await ok(api.POST('/admin/segments', { body: { name: body.name, description: body.description, ...(body.criteria ? { criteria: body.criteria } : {}) } }));
    setOpen(false);
    onCreated();
  };
  return <SegmentForm onSave={save} onCancel={() => setOpen(false)} />;
}

/** An existing segment read with its ETag, saved with If-Match; a reload after a 412 shows the other change. */
function EditSegment({ id, onDone }: { id: string; onDone: () => void }) {
  const segment = useLoad(() => ok(api.GET('/admin/segments/{id}', { params: { path: { id } } })), [id]);
  if (segment.error && !segment.data) return <ErrorBox error={segment.error} onRetry={segment.reload} />;
  if (!segment.data) return <Spinner />;
  const current = segment.data.data as Segment;
  const save = async (body: SegmentBody) => {
    await ok(api.PUT('/admin/segments/{id}', { params: { path: { id }, header: { 'If-Match': segment.data!.etag ?? '' } }, body }));
    onDone();
  };
  return <SegmentForm key={current.version} initial={current} onSave={save} onCancel={onDone} onReload={segment.reload} />;
}

/** An existing customer read with its ETag, saved with If-Match; a reload after a 412 shows the other change. */
function EditCustomer({ id, personal, segments, onDone }: { id: string; personal: boolean; segments: Segment[]; onDone: () => void }) {
  const customer = useLoad(() => ok(api.GET('/admin/customers/{id}', { params: { path: { id } } })), [id]);
  if (customer.error && !customer.data) return <ErrorBox error={customer.error} onRetry={customer.reload} />;
  if (!customer.data) return <Spinner />;
  const current = customer.data.data as Customer;
  const save = async (body: CustomerBody) => {
    await ok(api.PUT('/admin/customers/{id}', { params: { path: { id }, header: { 'If-Match': customer.data!.etag ?? '' } }, body }));
    onDone();
  };
  return <CustomerForm key={current.version} initial={current} personal={personal} segments={segments} onSave={save} onCancel={onDone} onReload={customer.reload} />;
}
