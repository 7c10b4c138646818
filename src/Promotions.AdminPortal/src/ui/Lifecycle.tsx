import { useState } from 'react';
import { ApiError } from '../api/problem';
import { ErrorBox, StatusBadge } from './kit';

/** The moves the shared state machine allows from each status (docs/admin-api.md, "Lifecycle"). */
export const moves: Record<string, string[]> = {
  draft: ['schedule', 'activate', 'archive'],
  scheduled: ['activate', 'end'],
  active: ['pause', 'end'],
  paused: ['activate', 'end'],
  ended: ['archive'],
  archived: [],
};

/**
 * Status and lifecycle buttons. `act` sends the action with the ETag read; a 412 (someone changed the item meanwhile)
 * is explained and offers a reload.
 */
export function Lifecycle({ status, canWrite, act, reload }: { status: string; canWrite: boolean; act: (action: string) => Promise<void>; reload: () => void }) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const stale = error instanceof ApiError && error.status === 412;
  return (
    <div>
      <div className="row">
        <span>Status:</span><StatusBadge status={status} />
        {canWrite && moves[status]?.map((action) => (
          <button key={action} disabled={busy} className={action === 'activate' ? 'primary' : ''} onClick={async () => {
            setBusy(true); setError(undefined);
            try { await act(action); } catch (err) { setError(err); } finally { setBusy(false); }
          }}>{action[0].toUpperCase() + action.slice(1)}</button>
        ))}
      </div>
      {stale ? (
        <div className="alert error" role="alert">
          <strong>Someone changed this item since you opened it.</strong> Your action was not applied. Reload to see the current version, then try again.
          <div><button onClick={() => { setError(undefined); reload(); }}>Reload</button></div>
        </div>
      ) : <ErrorBox error={error} />}
    </div>
  );
}
