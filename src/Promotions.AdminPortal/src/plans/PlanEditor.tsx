import { useState } from 'react';
import { ApiError, errorsAt } from '../api/problem';
import { EffectEditor } from '../effects/EffectEditor';
import { ErrorBox, FieldErrors } from '../ui/kit';
import { changeKinds, changeOf, move, newStage, requestOf, type ChangeDraft, type ChangeKind, type PlanRequest, type StageDraft } from './model';

/** The paths a stage's own fields show; any other error under the stage is listed under it. */
const shown = (p: string, when: 'at' | 'after') => [`${p}.name`, `${p}.${when}`, `${p}.skipIf`, `${p}.changes`];

interface Props {
  initial: StageDraft[];
  promotions: { id: string; name: string }[];
  /** The segments a distribution can send codes to. */
  segments?: { id: string; name: string }[];
  onSave: (body: PlanRequest) => Promise<void>;
  onCancel: () => void;
}

/** Edits a plan's stages (add, remove, reorder; when; changes; skip rule) and PUTs it; errors show at their JSON path. */
export function PlanEditor({ initial, promotions, segments = [], onSave, onCancel }: Props) {
  const [stages, setStages] = useState<StageDraft[]>(initial.length ? initial : [newStage(1)]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const problem = error instanceof ApiError ? error.problem : undefined;
  const at = (p: string) => errorsAt(problem, p);
  const setStage = (i: number, patch: Partial<StageDraft>) => setStages((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const setChange = (i: number, k: number, patch: Partial<ChangeDraft>) => setStage(i, { changes: stages[i].changes.map((c, j) => (j === k ? { ...c, ...patch } : c)) });
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try { await onSave(requestOf(stages)); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <form onSubmit={save} aria-label="Plan editor" noValidate>
      <ErrorBox error={error} />
      <FieldErrors errors={at('$.stages').filter((e) => e.path === '$.stages')} />
      {stages.map((s, i) => {
        const p = `$.stages[${i}]`;
        return (
          <fieldset key={i} className="stage-edit">
            <legend>Stage {i + 1}</legend>
            <div className="row">
              <label>Name<input value={s.name} onChange={(e) => setStage(i, { name: e.target.value })} className={at(`${p}.name`).length ? 'invalid' : ''} /><FieldErrors errors={at(`${p}.name`)} /></label>
              <label>Runs<select value={s.when} onChange={(e) => setStage(i, { when: e.target.value as 'at' | 'after' })}><option value="after">after the stage before</option><option value="at">at a time</option></select></label>
              {s.when === 'at'
                ? <label>At<input type="datetime-local" value={s.at} onChange={(e) => setStage(i, { at: e.target.value })} className={at(`${p}.at`).length ? 'invalid' : ''} /><FieldErrors errors={at(`${p}.at`)} /></label>
                : <label>After (ISO duration, e.g. PT30M, P2D)<input value={s.after} onChange={(e) => setStage(i, { after: e.target.value })} className={at(`${p}.after`).length ? 'invalid' : ''} /><FieldErrors errors={at(`${p}.after`)} /></label>}
              <label>Skip once budget spent (share, optional)<input inputMode="decimal" placeholder="e.g. 0.9" value={s.skipAt} onChange={(e) => setStage(i, { skipAt: e.target.value })} className={at(`${p}.skipIf`).length ? 'invalid' : ''} /><FieldErrors errors={at(`${p}.skipIf`)} /></label>
            </div>
            <FieldErrors errors={at(p).filter((e) => !shown(p, s.when).some((q) => e.path === q || (e.path ?? '').startsWith(q + '.') || (e.path ?? '').startsWith(q + '[')))} />
            {s.changes.map((c, k) => {
              const cp = `${p}.changes[${k}]`;
              return (
                <div key={k} className="leaf">
                  <label>Change<select value={c.type} onChange={(e) => setChange(i, k, { effect: undefined, segmentId: undefined, batchSize: undefined, ...changeOf(e.target.value as ChangeKind, c) })}>
                    {changeKinds.map((t) => <option key={t} value={t}>{t.replace('_', ' ')}</option>)}
                  </select><FieldErrors errors={at(`${cp}.type`)} /></label>
                  <label>Of<select value={c.promotionId} onChange={(e) => setChange(i, k, { promotionId: e.target.value })} className={at(`${cp}.promotionId`).length ? 'invalid' : ''}>
                    {c.type !== 'set_effect' && c.type !== 'distribute_codes' && <option value="">the campaign</option>}
                    {(c.type === 'set_effect' || c.type === 'distribute_codes') && !c.promotionId && <option value="">choose a promotion…</option>}
                    {promotions.map((pr) => <option key={pr.id} value={pr.id}>{pr.name}</option>)}
                  </select><FieldErrors errors={at(`${cp}.promotionId`)} /></label>
                  {c.type === 'distribute_codes' && <>
                    <label>To segment<select value={c.segmentId ?? ''} onChange={(e) => setChange(i, k, { segmentId: e.target.value })} className={at(`${cp}.segmentId`).length ? 'invalid' : ''}>
                      {!c.segmentId && <option value="">choose a segment…</option>}
                      {segments.map((sg) => <option key={sg.id} value={sg.id}>{sg.name}</option>)}
                    </select><FieldErrors errors={at(`${cp}.segmentId`)} /></label>
                    <label>Customers per batch (1–48, optional)<input inputMode="numeric" placeholder="48" value={c.batchSize ?? ''} onChange={(e) => setChange(i, k, { batchSize: e.target.value })} className={at(`${cp}.batchSize`).length ? 'invalid' : ''} /><FieldErrors errors={at(`${cp}.batchSize`)} /></label>
                  </>}
                  <button type="button" onClick={() => setStage(i, { changes: s.changes.filter((_, j) => j !== k) })} disabled={s.changes.length === 1} aria-label={`Remove change ${k + 1} of stage ${i + 1}`}>Remove</button>
                  {c.type === 'set_effect' && c.effect && <div style={{ flexBasis: '100%' }}><EffectEditor value={c.effect} onChange={(effect) => setChange(i, k, { effect })} problem={problem} path={`${cp}.effect`} /></div>}
                </div>
              );
            })}
            <FieldErrors errors={at(`${p}.changes`).filter((e) => e.path === `${p}.changes`)} />
            <div className="row">
              <button type="button" onClick={() => setStage(i, { changes: [...s.changes, { type: 'activate', promotionId: '' }] })}>Add change</button>
              <button type="button" onClick={() => setStages(move(stages, i, i - 1))} disabled={i === 0} aria-label={`Move stage ${i + 1} up`}>↑</button>
              <button type="button" onClick={() => setStages(move(stages, i, i + 1))} disabled={i === stages.length - 1} aria-label={`Move stage ${i + 1} down`}>↓</button>
              <button type="button" className="danger" onClick={() => setStages(stages.filter((_, j) => j !== i))} aria-label={`Remove stage ${i + 1}`}>Remove stage</button>
            </div>
          </fieldset>
        );
      })}
      <div className="row">
        <button type="button" onClick={() => setStages([...stages, newStage(stages.length + 1)])}>Add stage</button>
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : 'Save plan'}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
