import { useState } from 'react';
import { ApiError } from '../api/problem';
import type { components } from '../api/schema';
import type { Customer } from '../api/types';
import { ErrorBox, FieldErrors } from '../ui/kit';

export type CustomerBody = components['schemas']['CustomerRequest'];
type Location = components['schemas']['LocationBody'];
const placeFields = [['country', 'Country (ISO alpha-2)'], ['region', 'Region'], ['city', 'City'], ['postalCode', 'Postal code']] as const;

/** What the form holds: personal data (e-mail, name, place) only when the role may see it. */
export interface CustomerDraft { email: string; name: string; place: Record<(typeof placeFields)[number][0], string>; attributes: string; segmentIds: string[] }

export function draftOfCustomer(c?: Customer): CustomerDraft {
  return {
    email: c?.email ?? '', name: c?.name ?? '',
    place: { country: c?.location?.country ?? '', region: c?.location?.region ?? '', city: c?.location?.city ?? '', postalCode: c?.location?.postalCode ?? '' },
    attributes: c?.attributes ? JSON.stringify(c.attributes, null, 2) : '{}',
    segmentIds: c?.segmentIds ?? [],
  };
}

/**
 * The body PUT/POST takes. PUT replaces every editable field, so what the form does not show (purchase history, last
 * activity, and the personal data a role may not see, and coordinates/store of the location) is sent back as read.
 * Throws a SyntaxError when the attributes are not JSON.
 */
export function customerBody(draft: CustomerDraft, personal: boolean, initial?: Customer): CustomerBody {
  const attributes = JSON.parse(draft.attributes.trim() || '{}') as unknown;
  const kept: CustomerBody = {
    email: initial?.email ?? null, name: initial?.name ?? null, location: initial?.location ?? null,
    history: initial?.history ?? null, lastActiveAt: initial?.lastActiveAt ?? null,
  };
  if (!personal) return { ...kept, attributes, segmentIds: draft.segmentIds };
  const place: Location = { ...(initial?.location ?? {}) };
  for (const [key] of placeFields) place[key] = draft.place[key].trim() || null;
  const hasPlace = Object.values(place).some((v) => v != null && v !== '');
  return { ...kept, email: draft.email.trim() || null, name: draft.name.trim() || null, location: hasPlace ? place : null, attributes, segmentIds: draft.segmentIds };
}

/** Creates a customer or changes one (If-Match); a 412 offers to reload it. */
export function CustomerForm({ initial, personal, segments, onSave, onCancel, onReload }: {
  initial?: Customer; personal: boolean; segments: { id: string; name: string }[];
  onSave: (body: CustomerBody) => Promise<void>; onCancel: () => void; onReload?: () => void;
}) {
  const [draft, setDraft] = useState(() => draftOfCustomer(initial));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<CustomerDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const problem = error instanceof ApiError ? error.problem : undefined;
  const jsonError = error instanceof SyntaxError ? [{ code: 'invalid_json', message: `Not valid JSON: ${error.message}`, path: '$.attributes' }] : [];
  const at = (p: string) => (error instanceof ApiError ? error.at(p) : p === '$.attributes' ? jsonError : []);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try { await onSave(customerBody(draft, personal, initial)); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  const title = initial ? `Edit customer ${initial.id}` : 'New customer';
  return (
    <form className="card grid" onSubmit={submit} noValidate aria-label={title}>
      <h2>{title}</h2>
      {!initial && <p className="small muted">The id is given by the server when the customer is created.</p>}
      {personal ? (
        <div className="grid cols-2">
          <label>E-mail<input type="email" value={draft.email} onChange={(e) => set({ email: e.target.value })} className={at('$.email').length ? 'invalid' : ''} /><FieldErrors errors={at('$.email')} /></label>
          <label>Name<input value={draft.name} onChange={(e) => set({ name: e.target.value })} className={at('$.name').length ? 'invalid' : ''} /><FieldErrors errors={at('$.name')} /></label>
          {placeFields.map(([key, label]) => (
            <label key={key}>{label}<input value={draft.place[key]} onChange={(e) => set({ place: { ...draft.place, [key]: e.target.value } })} className={at(`$.location.${key}`).length ? 'invalid' : ''} /><FieldErrors errors={at(`$.location.${key}`)} /></label>
          ))}
        </div>
      ) : <p className="muted small">Your role does not show personal data (e-mail, name, location); they are kept as they are.</p>}
      <FieldErrors errors={at('$.location').filter((e) => e.path === '$.location' || /itude$/.test(e.path ?? ''))} />
      <label>Attributes (a JSON object)<textarea rows={5} value={draft.attributes} onChange={(e) => set({ attributes: e.target.value })} className={at('$.attributes').length ? 'invalid' : ''} /><FieldErrors errors={at('$.attributes')} /></label>
      <fieldset>
        <legend>Segments it is listed in</legend>
        {segments.length === 0 ? <span className="muted small">No segment yet.</span> : segments.map((s) => (
          <label key={s.id} className="inline"><input type="checkbox" checked={draft.segmentIds.includes(s.id)}
            onChange={(e) => set({ segmentIds: e.target.checked ? [...draft.segmentIds, s.id] : draft.segmentIds.filter((x) => x !== s.id) })} />&nbsp;{s.name}</label>
        ))}
        <FieldErrors errors={at('$.segmentIds')} />
      </fieldset>
      {problem && problem.status !== 400 && <ErrorBox error={error} onRetry={problem.status === 412 ? onReload : undefined} />}
      {(problem?.status === 400 || jsonError.length > 0) && <p className="field-error" role="alert">Some fields need a change (marked above).</p>}
      <div className="row">
        <button className="primary" type="submit" disabled={busy}>{initial ? 'Save customer' : 'Create customer'}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
