import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { session } from '../auth/session';
import { roleLabels, roles, type Role } from '../auth/roles';
import { ErrorBox } from '../ui/kit';

/** Cognito's hosted UI on AWS; on the local host a development sign-in where one picks a role. */
export function SignIn() {
  const navigate = useNavigate();
  const [role, setRole] = useState<Role>('marketer');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  return (
    <main className="main" style={{ maxWidth: 520, margin: '48px auto' }}>
      <div className="card">
        <h1>Sign in to Promotions</h1>
        {session.mode === 'cognito' ? (
          <button className="primary" onClick={() => session.startCognito().catch(setError)}>Sign in</button>
        ) : (
          <form onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            try { await session.signInDev(role); navigate('/', { replace: true }); } catch (err) { setError(err); } finally { setBusy(false); }
          }}>
            <p className="muted">Development sign-in of the local host: pick the role to work as. It exists only on the local host's development key.</p>
            <fieldset className="grid" style={{ border: 0, padding: 0 }}>
              <legend className="sr-only">Role</legend>
              {roles.map((r) => (
                <label key={r} className="inline"><input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} /> {roleLabels[r]}</label>
              ))}
            </fieldset>
            <p><button className="primary" type="submit" disabled={busy}>Sign in as {role}</button></p>
          </form>
        )}
        <ErrorBox error={error} />
      </div>
    </main>
  );
}
