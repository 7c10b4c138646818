import { useState } from 'react';
import { api, ok } from '../api/client';
import { ApiError } from '../api/problem';
import type { Campaign } from '../api/types';
import { can, type Role } from '../auth/roles';
import { Empty, ErrorBox, Spinner, useLoad } from '../ui/kit';
import { ApprovalPanel, type Decision } from './ApprovalPanel';
import { draftsOf, type Plan, type PlanRequest } from './model';
import { PlanEditor } from './PlanEditor';
import { PlanTimeline } from './PlanTimeline';

/** The plan, or null when the campaign has none (404 not_found). */
async function loadPlan(id: string): Promise<Plan | null> {
  try {
    return (await ok(api.GET('/admin/campaigns/{id}/plan', { params: { path: { id } } }))).data as Plan;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** The campaign's plan (timeline, editor, removal) and its approval; every write sends the campaign's ETag. */
export function PlanCard({ campaign, etag, roles, promotions, onChanged }: {
  campaign: Campaign; etag: string | null; roles: Role[]; promotions: { id: string; name: string }[]; onChanged: () => void;
}) {
  const id = campaign.id;
  const plan = useLoad(() => loadPlan(id), [id, etag]);
  const [editing, setEditing] = useState(false);
  // Segments only matter to a distribution's editor and words, so they load with the card (one page of 200).
  const segments = useLoad(() => ok(api.GET('/admin/segments', { params: { query: { limit: '200' } as never } }))
    .then((r) => (r.data as { items: { id: string; name: string }[] }).items), []);
  const [error, setError] = useState<unknown>();
  const params = { path: { id }, header: { 'If-Match': etag ?? '' } };
  const names = Object.fromEntries([...promotions, ...(segments.data ?? [])].map((p) => [p.id, p.name]));
  const save = async (body: PlanRequest) => {
    await ok(api.PUT('/admin/campaigns/{id}/plan', { params, body }));
    setEditing(false);
    onChanged();
  };
  const remove = async () => {
    if (!window.confirm('Take the plan off this campaign?')) return;
    setError(undefined);
    try { await ok(api.DELETE('/admin/campaigns/{id}/plan', { params })); onChanged(); } catch (e) { setError(e); }
  };
  const act = async (decision: Decision, reason?: string) => {
    const path = { params };
    if (decision === 'submit') await ok(api.POST('/admin/campaigns/{id}/submit', path));
    else if (decision === 'approve') await ok(api.POST('/admin/campaigns/{id}/approve', path));
    else await ok(api.POST('/admin/campaigns/{id}/reject', { ...path, body: { reason: reason ?? '' } }));
    onChanged();
  };
  const writer = can.write(roles);
  const approval = campaign.approval;
  return (
    <div className="card">
      <div className="row spread">
        <h2>Plan{plan.data ? <span className="muted small"> revision {plan.data.revision}{plan.data.running ? ' · running' : ''}</span> : null}</h2>
        {writer && plan.data && !editing && <div className="row">
          <button onClick={() => setEditing(true)}>Edit plan</button>
          <button className="danger" onClick={remove}>Remove plan</button>
        </div>}
      </div>
      {approval?.required && <ApprovalPanel approval={approval} canSubmit={writer} canDecide={can.approve(roles)} act={act} />}
      <ErrorBox error={error} />
      {plan.error ? <ErrorBox error={plan.error} onRetry={plan.reload} />
        : plan.data === undefined ? <Spinner />
        : editing ? <PlanEditor initial={draftsOf(plan.data)} promotions={promotions} segments={segments.data ?? []} onSave={save} onCancel={() => setEditing(false)} />
        : plan.data === null ? (
          <Empty>
            <p>No plan yet: a plan activates, pauses, ends or changes promotions at set times, and can send codes to a segment.</p>
            {writer && <button className="primary" onClick={() => setEditing(true)}>Create a plan</button>}
          </Empty>
        ) : <PlanTimeline plan={plan.data} names={names} />}
    </div>
  );
}
