import { useState } from 'react';
import { api, ok } from '../api/client';
import type { Explanation, OffersResponse, Promotion, ValidateResponse } from '../api/types';
import { channels } from '../rules/model';
import { ErrorBox, money } from '../ui/kit';

interface Line { lineId: string; sku: string; category: string; quantity: string; unitPrice: string }

/**
 * "Test a cart": quotes the cart with /validate (discount per line, what did not apply and the hint) and asks /offers
 * with explain for this promotion's conditions, each with whether it passed and the actual value.
 */
export function TestCart({ promotion }: { promotion: Promotion }) {
  const [channel, setChannel] = useState(promotion.channels[0] ?? 'web');
  const [customerId, setCustomerId] = useState('');
  const [codes, setCodes] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [lines, setLines] = useState<Line[]>([{ lineId: '1', sku: 'SKU-1', category: 'shoes', quantity: '1', unitPrice: '60' }]);
  const [result, setResult] = useState<{ quote: ValidateResponse; offers: OffersResponse | null }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const setLine = (i: number, k: keyof Line, v: string) => setLines(lines.map((l, j) => (j === i ? { ...l, [k]: v } : l)));
  const run = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(undefined);
    const cart = { currency, lines: lines.map((l) => ({ lineId: l.lineId, sku: l.sku, category: l.category || null, quantity: Number(l.quantity), unitPrice: Number(l.unitPrice) })) };
    const customer = customerId ? { customerId } : {};
    try {
      const [quote, offers] = await Promise.all([
        ok(api.POST('/validate', { body: { channel, cart, explain: true, codes: codes.split(/[\s,]+/).filter(Boolean), ...customer } as never })),
        ok(api.POST('/offers', { body: { channel, cart, explain: true, limit: 200, ...customer } as never })).then((r) => r.data as OffersResponse, () => null),
      ]);
      setResult({ quote: quote.data as ValidateResponse, offers });
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  const live = promotion.status === 'active';
  return (
    <div className="grid">
      {!live && <div className="alert info">This promotion is {promotion.status}: quotes only use live promotions, so it will show as not applied until it and its campaign are active.</div>}
      <form className="grid" onSubmit={run}>
        <div className="row">
          <label>Channel<select value={channel} onChange={(e) => setChannel(e.target.value)}>{channels.map((c) => <option key={c}>{c}</option>)}</select></label>
          <label>Customer id<input value={customerId} onChange={(e) => setCustomerId(e.target.value)} placeholder="guest" /></label>
          <label>Codes<input value={codes} onChange={(e) => setCodes(e.target.value)} placeholder={promotion.kind === 'code' ? 'a code of this promotion' : 'none'} /></label>
          <label>Currency<input value={currency} size={4} onChange={(e) => setCurrency(e.target.value.toUpperCase())} /></label>
        </div>
        <table>
          <thead><tr><th>Line</th><th>SKU</th><th>Category</th><th className="num">Quantity</th><th className="num">Unit price</th><th><span className="sr-only">Remove</span></th></tr></thead>
          <tbody>{lines.map((l, i) => (
            <tr key={i}>
              <td>{l.lineId}</td>
              <td><input aria-label={`Line ${i + 1} SKU`} value={l.sku} onChange={(e) => setLine(i, 'sku', e.target.value)} /></td>
              <td><input aria-label={`Line ${i + 1} category`} value={l.category} onChange={(e) => setLine(i, 'category', e.target.value)} /></td>
              <td className="num"><input aria-label={`Line ${i + 1} quantity`} size={4} inputMode="numeric" value={l.quantity} onChange={(e) => setLine(i, 'quantity', e.target.value)} /></td>
              <td className="num"><input aria-label={`Line ${i + 1} unit price`} size={8} inputMode="decimal" value={l.unitPrice} onChange={(e) => setLine(i, 'unitPrice', e.target.value)} /></td>
              <td><button type="button" className="danger" aria-label={`Remove line ${i + 1}`} onClick={() => setLines(lines.filter((_, j) => j !== i))}>✕</button></td>
            </tr>
          ))}</tbody>
        </table>
        <div className="row">
          <button type="button" onClick={() => setLines([...lines, { lineId: String(lines.length + 1), sku: '', category: '', quantity: '1', unitPrice: '10' }])}>+ Line</button>
          <button className="primary" type="submit" disabled={busy}>Test this cart</button>
        </div>
      </form>
      <ErrorBox error={error} />
      {result && <Outcome promotion={promotion} quote={result.quote} offers={result.offers} />}
    </div>
  );
}

function Outcome({ promotion, quote, offers }: { promotion: Promotion; quote: ValidateResponse; offers: OffersResponse | null }) {
  const applied = quote.applied.find((a) => a.promotionId === promotion.id);
  const notApplied = quote.notApplied.filter((n) => n.promotionId === promotion.id || (!n.promotionId && n.code));
  const offer = [...(offers?.items ?? []), ...(offers?.notEligible ?? []), ...(offers?.needsCart ?? [])].find((o) => o.id === promotion.id);
  const c = quote.currency;
  return (
    <div className="grid" data-testid="cart-outcome">
      <div className={`alert ${applied ? 'ok' : 'error'}`} role="status">
        {applied ? <><strong>Applies:</strong> {money(applied.amount, c)} off{Number(applied.shippingDiscount) ? ` and ${money(applied.shippingDiscount, c)} off shipping` : ''}.</> : <strong>This promotion does not apply to this cart.</strong>}
        {notApplied.map((n, i) => <div key={i}>{n.message}{n.hint ? <> — <em>{n.hint}</em></> : null}</div>)}
      </div>
      <div className="row"><span>Subtotal {money(quote.subtotal, c)}</span><span>Discount <strong>{money(quote.discount, c)}</strong></span><span>Total {money(quote.total, c)}</span></div>
      <table>
        <caption className="sr-only">Discount per line</caption>
        <thead><tr><th>Line</th><th className="num">Price</th><th className="num">Discount (all promotions)</th><th className="num">This promotion</th><th className="num">Final</th></tr></thead>
        <tbody>{quote.lines.map((l) => (
          <tr key={l.lineId}><td>{l.lineId}</td><td className="num">{money(l.original, c)}</td><td className="num">{money(l.discount, c)}</td>
            <td className="num">{money(applied?.allocations.find((a) => a.lineId === l.lineId)?.amount ?? 0, c)}</td><td className="num">{money(l.final, c)}</td></tr>
        ))}</tbody>
      </table>
      {offer?.explanation && offer.explanation.length > 0 && (
        <div className="explain"><h3>Conditions</h3>{offer.explanation.map((e, i) => <ExplainNode key={i} node={e} />)}</div>
      )}
      {!offer?.explanation && notApplied.flatMap((n) => n.failedConditions ?? []).length > 0 && (
        <div><h3>Failed conditions</h3><ul>{notApplied.flatMap((n) => n.failedConditions ?? []).map((f, i) => (
          <li key={i}><span className="badge fail">failed</span> {f.fact} {f.operator} {f.expected} — actual: <strong>{f.actual ?? 'missing'}</strong>{f.hint ? ` (${f.hint})` : ''}</li>
        ))}</ul></div>
      )}
      {quote.applied.filter((a) => a.promotionId !== promotion.id).length > 0 && (
        <p className="small muted">Also applied: {quote.applied.filter((a) => a.promotionId !== promotion.id).map((a) => `${a.name} (${money(a.amount, c)})`).join(', ')}</p>
      )}
    </div>
  );
}

function ExplainNode({ node }: { node: Explanation }) {
  return (
    <ul>
      <li>
        <span className={`badge ${node.passed ? 'pass' : 'fail'}`}>{node.passed ? 'passed' : 'failed'}</span>{' '}
        {node.kind === 'leaf' || node.fact ? <>{node.fact} {node.operator} {node.expected} — actual: <strong>{node.actual ?? 'missing'}</strong></> : <strong>{node.kind}</strong>}
        <span className="small muted"> {node.path}</span>
        {node.children.map((c, i) => <ExplainNode key={i} node={c} />)}
      </li>
    </ul>
  );
}
