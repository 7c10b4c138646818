import { useState } from 'react';
import { ApiError } from '../api/problem';
import type { components } from '../api/schema';
import { date, ErrorBox, FieldErrors } from '../ui/kit';

type Approval = components['schemas']['CampaignApproval'];
export type Decision = 'submit' | 'approve' | 'reject';

const words: Record<string, string> = {
  none: 'Not submitted yet: submit it so an admin can approve it.',
  pending: 'Waiting for an admin’s decision.',
  approved: 'Approved.',
  rejected: 'Rejected: change it and submit it again.',
};

/** A campaign's approval: its state, Submit (writers) and Approve / Reject with a reason (admins only). */
export function ApprovalPanel({ approval, canSubmit, canDecide, act }: {
  approval: Approval; canSubmit: boolean; canDecide: boolean; act: (decision: Decision, reason?: string) => Promise<void>;
}) {
  const status = approval.status ?? 'none';
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = async (d: Decision, r?: string) => {
    setBusy(true);
    setError(undefined);
    try { await act(d, r); setRejecting(false); setReason(''); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  const reasonErrors = error instanceof ApiError ? error.at('$.reason') : [];
  return (
    <section aria-label="Approval">
      <div className="row">
        <strong>Approval</strong>
        <span className={`badge ${status === 'approved' ? 'pass' : status === 'rejected' ? 'fail' : ''}`}>{status}</span>
        <span className="small">{words[status]}</span>
      </div>
      <div className="small muted">
        {approval.submittedBy && <>Submitted by {approval.submittedBy} {date(approval.submittedAt)}. </>}
        {approval.decidedBy && <>{status === 'rejected' ? 'Rejected' : 'Decided'} by {approval.decidedBy} {date(approval.decidedAt)}. </>}
        {approval.reason && <>Reason: “{approval.reason}”</>}
      </div>
      <ErrorBox error={error} />
      <div className="row">
        {canSubmit && (status === 'none' || status === 'rejected') && <button className="primary" disabled={busy} onClick={() => run('submit')}>Submit for approval</button>}
        {canDecide && status === 'pending' && !rejecting && <>
          <button className="primary" disabled={busy} onClick={() => run('approve')}>Approve</button>
          <button className="danger" disabled={busy} onClick={() => setRejecting(true)}>Reject…</button>
        </>}
      </div>
      {rejecting && (
        <form className="row" onSubmit={(e) => { e.preventDefault(); void run('reject', reason); }}>
          <label>Reason for rejecting<input value={reason} autoFocus onChange={(e) => setReason(e.target.value)} className={reasonErrors.length ? 'invalid' : ''} /><FieldErrors errors={reasonErrors} /></label>
          <button type="submit" className="danger" disabled={busy}>Reject</button>
          <button type="button" onClick={() => setRejecting(false)}>Cancel</button>
        </form>
      )}
    </section>
  );
}
