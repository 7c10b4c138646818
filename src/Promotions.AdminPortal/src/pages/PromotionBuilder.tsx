import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, ok } from '../api/client';
import { ApiError, errorsAt } from '../api/problem';
import type { Promotion } from '../api/types';
import { can } from '../auth/roles';
import { useRoles } from '../auth/useSession';
import { EffectEditor } from '../effects/EffectEditor';
import { defaultEffect, type Effect } from '../effects/model';
import { channels, newLeaf, write, type Json } from '../rules/model';
import { RuleEditor } from '../rules/RuleEditor';
import { Lifecycle } from '../ui/Lifecycle';
import { ErrorBox, FieldErrors, fromLocal, Spinner, toLocal, useLoad } from '../ui/kit';
import { TestCart } from './TestCart';
import { CodesPanel } from './CodesPanel';

/** The editable body of a promotion, exactly what POST / PUT take. */
export interface Draft {
  campaignId: string; name: string; description?: string; kind: 'automatic' | 'code';
  startsAt?: string; endsAt?: string; effect: Effect; rules: { condition: Json; ruleType?: string; priority?: number }[];
  channels?: string[]; priority?: number; stacking?: { exclusive?: boolean; group?: string }; maxRedemptions?: number; perCustomerLimit?: number;
}

export function draftOf(p: Promotion): Draft {
  const d: Draft = {
    campaignId: p.campaignId, name: p.name, kind: p.kind as Draft['kind'], effect: p.effect as unknown as Effect,
    rules: p.rules.map((r) => ({ condition: r.condition as Json, ...(r.ruleType && r.ruleType !== 'eligibility' ? { ruleType: r.ruleType } : {}), ...(Number(r.priority) ? { priority: Number(r.priority) } : {}) })),
  };
  if (p.description) d.description = p.description;
  if (p.startsAt) d.startsAt = p.startsAt;
  if (p.endsAt) d.endsAt = p.endsAt;
  if (p.channels.length) d.channels = p.channels;
  if (Number(p.priority)) d.priority = Number(p.priority);
  if (p.stacking && (p.stacking.exclusive || p.stacking.group)) d.stacking = { ...(p.stacking.exclusive ? { exclusive: true } : {}), ...(p.stacking.group ? { group: p.stacking.group } : {}) };
  if (p.maxRedemptions != null) d.maxRedemptions = Number(p.maxRedemptions);
  if (p.perCustomerLimit != null) d.perCustomerLimit = Number(p.perCustomerLimit);
  return d;
}

export default function PromotionBuilder() {
  const { id } = useParams();
  const [query] = useSearchParams();
  const [justSaved, setJustSaved] = useState(false);
  const loaded = useLoad(async () => (id ? await ok(api.GET('/admin/promotions/{id}', { params: { path: { id } } })) : null), [id]);
  if (id && !loaded.data) return loaded.error ? <ErrorBox error={loaded.error} onRetry={loaded.reload} /> : <Spinner />;
  const promotion = loaded.data?.data as Promotion | undefined;
  const initial: Draft = promotion ? draftOf(promotion) : {
    campaignId: query.get('campaignId') ?? '', name: '', kind: 'code', effect: defaultEffect('percent_off'),
    rules: [{ condition: write({ kind: 'all', children: [newLeaf('cart.subtotal')] }) }],
  };
  return <Builder key={`${id}:${loaded.data?.etag}`} initial={initial} promotion={promotion} etag={loaded.data?.etag ?? null} reload={loaded.reload}
    justSaved={justSaved} onSaved={() => { setJustSaved(true); loaded.reload(); }} />;
}

function Builder({ initial, promotion, etag, reload, justSaved, onSaved }: { initial: Draft; promotion?: Promotion; etag: string | null; reload: () => void; justSaved: boolean; onSaved: () => void }) {
  const roles = useRoles();
  const navigate = useNavigate();
  const writable = can.write(roles) && !(promotion && ['ended', 'archived'].includes(promotion.status));
  const [draft, setDraft] = useState<Draft>(initial);
  const [tab, setTab] = useState<'rules' | 'effect' | 'json' | 'test' | 'codes'>('rules');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(justSaved);
  const mounted = useRef(false);
  const [busy, setBusy] = useState(false);
  const problem = error instanceof ApiError ? error.problem : undefined;
  const set = <K extends keyof Draft>(k: K, v: Draft[K] | undefined) => setDraft((d) => { const n = { ...d }; if (v === undefined || v === '') delete n[k]; else n[k] = v as Draft[K]; return n; });
  const at = (p: string) => errorsAt(problem, p);
  useEffect(() => { if (mounted.current) setSaved(false); mounted.current = true; }, [draft]);

  const save = async () => {
    setBusy(true); setError(undefined);
    try {
      if (promotion) {
        const { kind: _kind, campaignId: _c, ...body } = draft;
        void _kind; void _c;
        await ok(api.PUT('/admin/promotions/{id}', { params: { path: { id: promotion.id }, header: { 'If-Match': etag ?? '' } }, body: { ...body, kind: draft.kind, campaignId: draft.campaignId } as never }));
        onSaved();
      } else {
        const created = await ok(api.POST('/admin/promotions', { body: draft as never }));
        navigate(`/promotions/${(created.data as Promotion).id}`);
      }
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  const act = async (action: string) => {
    await ok(api.POST('/admin/promotions/{id}/lifecycle', { params: { path: { id: promotion!.id }, header: { 'If-Match': etag ?? '' } }, body: { action } as never }));
    reload();
  };
  const tabs: [typeof tab, string][] = [['rules', 'Rules'], ['effect', 'Effect & stacking'], ['json', 'JSON']];
  if (promotion && can.validate(roles)) tabs.push(['test', 'Test a cart']);
  if (promotion?.kind === 'code') tabs.push(['codes', 'Codes']);
  const countErrors = (p: string) => at(p).length;

  return (
    <>
      <div className="row spread">
        <div>
          {draft.campaignId && <Link to={`/campaigns/${draft.campaignId}`}>← Campaign</Link>}
          <h1>{promotion ? promotion.name : 'New promotion'}</h1>
        </div>
        {writable && tab !== 'test' && tab !== 'codes' && <button className="primary" onClick={save} disabled={busy}>{promotion ? 'Save changes' : 'Create promotion'}</button>}
      </div>
      {promotion && <div className="card"><Lifecycle status={promotion.status} canWrite={can.write(roles)} act={act} reload={reload} /></div>}
      {saved && <div className="alert ok" role="status">Saved.</div>}
      {problem && problem.status !== 400 && <ErrorBox error={error} onRetry={problem.status === 412 ? reload : undefined} />}
      {problem?.status === 400 && (
        <div className="alert error" role="alert">
          <strong>{problem.errors?.length ?? 0} field(s) need a change:</strong>
          <ul>{problem.errors?.map((e, i) => <li key={i}>{e.message} <span className="small">— at {e.path}</span></li>)}</ul>
        </div>
      )}
      <fieldset disabled={!writable} className="card grid" style={{ margin: '0 0 16px' }}>
        <legend className="sr-only">Promotion</legend>
        <div className="grid cols-2">
          <label>Name<input value={draft.name} onChange={(e) => set('name', e.target.value)} className={countErrors('$.name') ? 'invalid' : ''} /><FieldErrors errors={at('$.name')} /></label>
          <label>Kind
            <select value={draft.kind} disabled={!!promotion} onChange={(e) => set('kind', e.target.value as Draft['kind'])}>
              <option value="code">with a code</option><option value="automatic">automatic</option>
            </select><FieldErrors errors={at('$.kind')} />
          </label>
          {!promotion && <label>Campaign id<input value={draft.campaignId} onChange={(e) => set('campaignId', e.target.value)} /><FieldErrors errors={at('$.campaignId')} /></label>}
          <label>Description<input value={draft.description ?? ''} onChange={(e) => set('description', e.target.value)} /><FieldErrors errors={at('$.description')} /></label>
          <label>Starts (optional)<input type="datetime-local" value={toLocal(draft.startsAt)} onChange={(e) => set('startsAt', fromLocal(e.target.value))} /><FieldErrors errors={at('$.startsAt')} /></label>
          <label>Ends (optional)<input type="datetime-local" value={toLocal(draft.endsAt)} onChange={(e) => set('endsAt', fromLocal(e.target.value))} /><FieldErrors errors={at('$.endsAt')} /></label>
        </div>
        <fieldset><legend>Channels (none ticked: every channel)</legend>
          <div className="row">{channels.map((c) => (
            <label key={c} className="inline"><input type="checkbox" checked={draft.channels?.includes(c) ?? false} onChange={(e) => {
              const next = (draft.channels ?? []).filter((x) => x !== c).concat(e.target.checked ? [c] : []);
              set('channels', next.length ? next : undefined);
            }} /> {c}</label>
          ))}</div>
          <FieldErrors errors={at('$.channels')} />
        </fieldset>
      </fieldset>
      <div className="tabs" role="tablist" aria-label="Promotion parts" onKeyDown={(e) => {
        // Arrow keys move between tabs, as in any tab list.
        const i = tabs.findIndex(([k]) => k === tab);
        const next = e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length : -1;
        if (next < 0) return;
        setTab(tabs[next][0]);
        (e.currentTarget.children[next] as HTMLElement).focus();
      }}>
        {tabs.map(([k, label]) => (
          <button key={k} role="tab" aria-selected={tab === k} tabIndex={tab === k ? 0 : -1} onClick={() => setTab(k)}>
            {label}{k === 'rules' && countErrors('$.rules') ? ` (${countErrors('$.rules')})` : ''}{k === 'effect' && countErrors('$.effect') ? ` (${countErrors('$.effect')})` : ''}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="card">
        {tab === 'rules' && (
          <div className="grid">
            <p className="muted">Every rule must hold for the promotion to apply. Inside a rule, combine conditions with groups (all / any) and not.</p>
            {draft.rules.map((rule, i) => (
              <div key={i} className="card">
                <div className="row spread"><h3>Rule {i + 1}</h3>{writable && <button className="danger" onClick={() => set('rules', draft.rules.filter((_, j) => j !== i))}>Remove rule</button>}</div>
                <RuleEditor value={rule.condition} path={`$.rules[${i}].condition`} problem={problem} readOnly={!writable}
                  onChange={(condition) => set('rules', draft.rules.map((r, j) => (j === i ? { ...r, condition } : r)))} />
              </div>
            ))}
            <FieldErrors errors={at('$.rules').filter((e) => e.path === '$.rules')} />
            {writable && <div><button onClick={() => set('rules', [...draft.rules, { condition: write({ kind: 'all', children: [newLeaf()] }) }])}>+ Rule</button></div>}
          </div>
        )}
        {tab === 'effect' && (
          <fieldset disabled={!writable} className="grid" style={{ border: 0, padding: 0 }}>
            <EffectEditor value={draft.effect} onChange={(e) => set('effect', e)} problem={problem} path="$.effect" />
            <fieldset><legend>Stacking and limits</legend>
              <div className="row">
                <label>Priority (0–1000)<input inputMode="numeric" size={6} value={draft.priority ?? ''} onChange={(e) => set('priority', e.target.value === '' ? undefined : Number(e.target.value))} /><FieldErrors errors={at('$.priority')} /></label>
                <label className="inline"><input type="checkbox" checked={draft.stacking?.exclusive ?? false} onChange={(e) => set('stacking', clean({ ...draft.stacking, exclusive: e.target.checked || undefined }))} /> Exclusive (never combined)</label>
                <label>Stacking group<input value={draft.stacking?.group ?? ''} onChange={(e) => set('stacking', clean({ ...draft.stacking, group: e.target.value || undefined }))} placeholder="none" /><FieldErrors errors={at('$.stacking')} /></label>
                <label>Max redemptions<input inputMode="numeric" size={8} value={draft.maxRedemptions ?? ''} onChange={(e) => set('maxRedemptions', e.target.value === '' ? undefined : Number(e.target.value))} /><FieldErrors errors={at('$.maxRedemptions')} /></label>
                <label>Per customer<input inputMode="numeric" size={6} value={draft.perCustomerLimit ?? ''} onChange={(e) => set('perCustomerLimit', e.target.value === '' ? undefined : Number(e.target.value))} /><FieldErrors errors={at('$.perCustomerLimit')} /></label>
              </div>
            </fieldset>
          </fieldset>
        )}
        {tab === 'json' && <JsonView draft={draft} onApply={setDraft} readOnly={!writable} />}
        {tab === 'test' && promotion && <TestCart promotion={promotion} />}
        {tab === 'codes' && promotion && <CodesPanel promotion={promotion} />}
      </div>
    </>
  );
}

const clean = (s: { exclusive?: boolean; group?: string }) => (s.exclusive || s.group ? { ...(s.exclusive ? { exclusive: true } : {}), ...(s.group ? { group: s.group } : {}) } : undefined);

/** The whole body as JSON: edit it and apply, and the visual editors show the result (and back). */
export function JsonView({ draft, onApply, readOnly }: { draft: Draft; onApply: (d: Draft) => void; readOnly: boolean }) {
  const [text, setText] = useState(() => JSON.stringify(draft, null, 2));
  const [error, setError] = useState<string>();
  return (
    <div className="grid">
      <label>Promotion JSON<textarea rows={24} value={text} readOnly={readOnly} onChange={(e) => setText(e.target.value)} spellCheck={false} /></label>
      {error && <div className="alert error" role="alert">{error}</div>}
      {!readOnly && <div><button onClick={() => {
        try {
          const parsed = JSON.parse(text) as Draft;
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('The JSON must be an object.');
          setError(undefined); onApply(parsed);
        } catch (e) { setError(`Not valid JSON: ${(e as Error).message}`); }
      }}>Apply JSON</button></div>}
    </div>
  );
}
