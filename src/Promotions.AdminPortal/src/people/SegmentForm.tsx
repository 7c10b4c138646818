import { useState } from 'react';
import { ApiError } from '../api/problem';
import type { Segment } from '../api/types';
import { newLeaf, write, type Json } from '../rules/model';
import { RuleEditor } from '../rules/RuleEditor';
import { ErrorBox, FieldErrors } from '../ui/kit';

export interface SegmentBody { name: string; description: string | null; criteria: Json | null }

/**
 * A new segment, or an existing one to change: name, description, and either criteria made in the rule editor or
 * members listed on the customers. A refused save keeps what was typed; a 412 offers to reload the segment.
 */
export function SegmentForm({ initial, onSave, onCancel, onReload }: {
  initial?: Segment; onSave: (body: SegmentBody) => Promise<void>; onCancel: () => void; onReload?: () => void;
}) {
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [withCriteria, setWithCriteria] = useState(!initial || initial.criteria != null);
  const [criteria, setCriteria] = useState<Json>(() => (initial?.criteria as Json | null | undefined) ?? write({ kind: 'all', children: [newLeaf('history.order_count')] }));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const problem = error instanceof ApiError ? error.problem : undefined;
  const at = (p: string) => (error instanceof ApiError ? error.at(p) : []);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try { await onSave({ name, description: description || null, criteria: withCriteria ? criteria : null }); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <form className="card grid" onSubmit={submit} noValidate aria-label={initial ? `Edit segment ${initial.name}` : 'New segment'}>
      <h2>{initial ? `Edit segment ${initial.name}` : 'New segment'}</h2>
      <label>Segment name<input value={name} onChange={(e) => setName(e.target.value)} className={at('$.name').length ? 'invalid' : ''} /><FieldErrors errors={at('$.name')} /></label>
      <label>Description<input value={description} onChange={(e) => setDescription(e.target.value)} /><FieldErrors errors={at('$.description')} /></label>
      <label className="inline"><input type="checkbox" checked={withCriteria} onChange={(e) => setWithCriteria(e.target.checked)} /> Customers who meet criteria (else: the customers that list it)</label>
      {withCriteria && <RuleEditor value={criteria} onChange={setCriteria} problem={problem} path="$.criteria" />}
      {problem && problem.status !== 400 && <ErrorBox error={error} onRetry={problem.status === 412 ? onReload : undefined} />}
      {problem?.status === 400 && <p className="field-error" role="alert">Some fields need a change (marked above).</p>}
      <div className="row">
        <button className="primary" type="submit" disabled={busy}>{initial ? 'Save segment' : 'Create segment'}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
