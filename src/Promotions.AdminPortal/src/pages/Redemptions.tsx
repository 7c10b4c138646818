import { useState } from 'react';
import { api, ok } from '../api/client';
import type { Redemption } from '../api/types';
import { can } from '../auth/roles';
import { useRoles } from '../auth/useSession';
import { ErrorBox, money } from '../ui/kit';

/** Finds a redemption by its id and, for support and admin, reverses it in full. */
export default function Redemptions() {
  const roles = useRoles();
  const [id, setId] = useState('');
  const [found, setFound] = useState<Redemption>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const lookup = async (value = id) => {
    setError(undefined); setFound(undefined);
    try { setFound((await ok(api.GET('/redemptions/{id}', { params: { path: { id: value } } }))).data as Redemption); } catch (err) { setError(err); }
  };
  return (
    <>
      <h1>Redemptions</h1>
      {!can.redeem(roles) && <div className="alert info">Looking up and reversing redemptions needs the support or admin role.</div>}
      <form className="card row" onSubmit={(e) => { e.preventDefault(); void lookup(); }}>
        <label>Redemption id<input value={id} onChange={(e) => setId(e.target.value)} required /></label>
        <button className="primary" type="submit">Look up</button>
      </form>
      <ErrorBox error={error} />
      {done && <div className="alert ok" role="status">{done}</div>}
      {found && (
        <div className="card grid">
          <div className="row small"><span>Order <strong>{found.orderId}</strong></span><span>Status <strong>{found.status}</strong></span><span>Customer {found.customerId ?? 'guest'}</span><span>Channel {found.channel}</span></div>
          <div className="row"><span>Subtotal {money(found.subtotal, found.currency)}</span><span>Discount {money(found.discount, found.currency)}</span><span>Reversed {money(found.reversedAmount, found.currency)}</span></div>
          <table><thead><tr><th>Promotion</th><th>Code</th><th className="num">Amount</th></tr></thead>
            <tbody>{found.applied.map((a) => <tr key={a.redemptionId}><td>{a.name}</td><td>{a.code ?? '—'}</td><td className="num">{money(a.amount, found.currency)}</td></tr>)}</tbody></table>
          {can.redeem(roles) && found.status !== 'reversed' && (
            <div><button className="danger" onClick={async () => {
              setError(undefined);
              try {
                await ok(api.POST('/redemptions/{id}/reversals', { params: { path: { id: found.id }, header: { 'Idempotency-Key': `portal-${found.id}-${Date.now()}` } }, body: {} as never }));
                setDone('The redemption was reversed.'); await lookup(found.id);
              } catch (err) { setError(err); }
            }}>Reverse the whole order</button></div>
          )}
        </div>
      )}
    </>
  );
}
