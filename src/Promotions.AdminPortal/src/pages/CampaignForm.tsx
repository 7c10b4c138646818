import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ok } from '../api/client';
import { ApiError } from '../api/problem';
import type { Campaign, CampaignRequest } from '../api/types';
import { ErrorBox, FieldErrors, Spinner, useLoad } from '../ui/kit';

const local = (iso?: string | null) => (iso ? new Date(iso).toISOString().slice(0, 16) : '');
const iso = (value: string) => (value ? new Date(value).toISOString() : null);

/** Creates a campaign (a draft) or replaces one (If-Match with the ETag read). */
export default function CampaignForm() {
  const { id } = useParams();
  const navigate = useNavigate();
  const existing = useLoad(async () => (id ? await ok(api.GET('/admin/campaigns/{id}', { params: { path: { id } } })) : null), [id]);
  if (id && !existing.data) return existing.error ? <ErrorBox error={existing.error} /> : <Spinner />;
  return <Form initial={existing.data?.data as Campaign | undefined} etag={existing.data?.etag ?? null} onSaved={(c) => navigate(`/campaigns/${c.id}`)} />;
}

function Form({ initial, etag, onSaved }: { initial?: Campaign; etag: string | null; onSaved: (c: Campaign) => void }) {
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [owner, setOwner] = useState(initial?.owner ?? '');
  const [startsAt, setStartsAt] = useState(local(initial?.startsAt));
  const [endsAt, setEndsAt] = useState(local(initial?.endsAt));
  const [amount, setAmount] = useState(initial?.budget ? String(initial.budget.amount) : '');
  const [currency, setCurrency] = useState(initial?.budget?.currency ?? 'EUR');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const problem = error instanceof ApiError ? error.problem : undefined;
  const at = (p: string) => (error instanceof ApiError ? error.at(p) : []);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const body: CampaignRequest = {
      name, description: description || null, owner: owner || null, startsAt: iso(startsAt), endsAt: iso(endsAt),
      budget: amount ? { amount: Number(amount), currency } : null,
      // PUT replaces every editable field: keep the ones this form does not show.
      targetSegmentId: initial?.targetSegmentId ?? null, campaignTypeId: initial?.campaignTypeId ?? null,
    };
    try {
      const saved = initial
        ? await ok(api.PUT('/admin/campaigns/{id}', { params: { path: { id: initial.id } }, headers: { 'If-Match': etag ?? '' }, body }))
        : await ok(api.POST('/admin/campaigns', { body }));
      onSaved(saved.data as Campaign);
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <form className="card grid" onSubmit={submit} noValidate style={{ maxWidth: 720 }}>
      <h1>{initial ? `Edit ${initial.name}` : 'New campaign'}</h1>
      <label>Name<input value={name} onChange={(e) => setName(e.target.value)} required className={at('$.name').length ? 'invalid' : ''} /><FieldErrors errors={at('$.name')} /></label>
      <label>Description<textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} /><FieldErrors errors={at('$.description')} /></label>
      <label>Owner<input value={owner} onChange={(e) => setOwner(e.target.value)} /><FieldErrors errors={at('$.owner')} /></label>
      <div className="grid cols-2">
        <label>Starts<input type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} /><FieldErrors errors={at('$.startsAt')} /></label>
        <label>Ends<input type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} /><FieldErrors errors={at('$.endsAt')} /></label>
        <label>Budget<input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="no budget" /><FieldErrors errors={at('$.budget.amount')} /></label>
        <label>Currency<input value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} size={4} /><FieldErrors errors={at('$.budget.currency')} /></label>
      </div>
      {problem && problem.status !== 400 && <ErrorBox error={error} />}
      {problem?.status === 400 && <p className="field-error" role="alert">Some fields need a change (marked above).</p>}
      <div><button className="primary" type="submit" disabled={busy}>{initial ? 'Save' : 'Create campaign'}</button></div>
    </form>
  );
}
