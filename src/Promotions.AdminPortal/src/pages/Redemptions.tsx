import { useState } from 'react';
import { api, ok } from '../api/client';
import type { Redemption } from '../api/types';
import { can } from '../auth/roles';
import { useRoles } from '../auth/useSession';
import { ErrorBox, money } from '../ui/kit';

type By = 'orderId' | 'code' | 'id';
const labels: Record<By, string> = { orderId: 'Order id', code: 'Code', id: 'Redemption id' };

/**
 * Finds redemptions by order id or code (every recorded one, newest first) or by redemption id and, for support and
 * admin, reverses one in full.
 */
export default function Redemptions() {
  const roles = useRoles();
  const [by, setBy] = useState<By>('orderId');
  const [value, setValue] = useState('');
  const [results, setResults] = useState<Redemption[]>();
  const [found, setFound] = useState<Redemption>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const open = async (id: string) => {
    setError(undefined); setFound(undefined);
    try { setFound((await ok(api.GET('/redemptions/{id}', { params: { path: { id } } }))).data as Redemption); } catch (err) { setError(err); }
  };
  const search = async () => {
    setError(undefined); setFound(undefined); setResults(undefined); setDone(undefined);
    const text = value.trim();
    if (by === 'id') { await open(text); return; }
    try {
      const query = by === 'orderId' ? { orderId: text } : { code: text };
      const items = (await ok(api.GET('/redemptions', { params: { query } }))).data.items as Redemption[];
      setResults(items);
      if (items.length === 1) setFound(items[0]);
    } catch (err) { setError(err); }
  };
  return (
    <>
      <h1>Redemptions</h1>
      {!can.redeem(roles) && <div className="alert info">Looking up and reversing redemptions needs the support or admin role.</div>}
      <form className="card row" onSubmit={(e) => { e.preventDefault(); void search(); }}>
        <label>Find by<select value={by} onChange={(e) => setBy(e.target.value as By)}>
          {(Object.keys(labels) as By[]).map((k) => <option key={k} value={k}>{labels[k]}</option>)}</select></label>
        <label>{labels[by]}<input value={value} onChange={(e) => setValue(e.target.value)} maxLength={128} required /></label>
        <button className="primary" type="submit">Look up</button>
      </form>
      <ErrorBox error={error} />
      {results && results.length === 0 && <div className="alert info" role="status">No redemption was recorded for this {labels[by].toLowerCase()}.</div>}
      {results && results.length > 1 && (
        <table aria-label="Redemptions found"><thead><tr><th>Redeemed</th><th>Id</th><th>Order</th><th>Status</th><th className="num">Discount</th></tr></thead>
          <tbody>{results.map((r) => (
            <tr key={r.id}><td>{new Date(r.redeemedAt).toLocaleString()}</td>
              <td><button type="button" onClick={() => void open(r.id)}>{r.id}</button></td>
              <td>{r.orderId}</td><td>{r.status}</td><td className="num">{money(r.discount, r.currency)}</td></tr>))}
          </tbody></table>
      )}
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
                setDone('The redemption was reversed.'); await open(found.id);
              } catch (err) { setError(err); }
            }}>Reverse the whole order</button></div>
          )}
        </div>
      )}
    </>
  );
}
