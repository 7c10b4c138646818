import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ok } from '../api/client';
import { ApiError } from '../api/problem';
import type { Campaign, CampaignRequest } from '../api/types';
import { ErrorBox, FieldErrors, fromLocal, Spinner, toLocal, useLoad } from '../ui/kit';

const local = (iso?: string | null) => toLocal(iso ?? undefined);
const iso = (value: string) => fromLocal(value) ?? null;

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
  const [typeId, setTypeId] = useState(initial?.campaignTypeId ?? '');
  const [segmentId, setSegmentId] = useState(initial?.targetSegmentId ?? '');
  const choices = useLoad(() => Promise.all([
    ok(api.GET('/admin/campaign-types', { params: { query: { limit: '200' } as never } })).then((r) => (r.data as { items: { id: string; name: string }[] }).items),
    ok(api.GET('/admin/segments', { params: { query: { limit: '200' } as never } })).then((r) => (r.data as { items: { id: string; name: string }[] }).items),
  ]), []);
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
      targetSegmentId: segmentId || null, campaignTypeId: typeId || null,
    };
    try {
      const saved = initial
        ? await ok(api.PUT('/admin/campaigns/{id}', { params: { path: { id: initial.id }, header: { 'If-Match': etag ?? '' } }, body }))
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
        <label>Campaign type<select value={typeId} onChange={(e) => setTypeId(e.target.value)}>
          <option value="">none</option>{choices.data?.[0].map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</select><FieldErrors errors={at('$.campaignTypeId')} /></label>
        <label>Target segment<select value={segmentId} onChange={(e) => setSegmentId(e.target.value)}>
          <option value="">everyone</option>{choices.data?.[1].map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</select><FieldErrors errors={at('$.targetSegmentId')} /></label>
      </div>
      {problem && problem.status !== 400 && <ErrorBox error={error} />}
      {problem?.status === 400 && <p className="field-error" role="alert">Some fields need a change (marked above).</p>}
      <div><button className="primary" type="submit" disabled={busy}>{initial ? 'Save' : 'Create campaign'}</button></div>
    </form>
  );
}
