import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ok } from '../api/client';
import { ErrorBox } from '../ui/kit';

/** Looks up one code: whether it exists, is usable, and which promotion it belongs to. Generation lives on each code promotion. */
export default function Codes() {
  const [code, setCode] = useState('');
  const [result, setResult] = useState<Record<string, unknown>>();
  const [error, setError] = useState<unknown>();
  return (
    <>
      <h1>Codes</h1>
      <p className="muted">Generate, import and export codes from a code promotion's <strong>Codes</strong> tab (Campaigns → a campaign → a promotion).</p>
      <form className="card row" onSubmit={async (e) => {
        e.preventDefault(); setError(undefined); setResult(undefined);
        try { setResult((await ok(api.GET('/offers/codes/{code}', { params: { path: { code } } }))).data as Record<string, unknown>); } catch (err) { setError(err); }
      }}>
        <label>Code<input value={code} onChange={(e) => setCode(e.target.value)} required /></label>
        <button className="primary" type="submit">Look up</button>
      </form>
      <ErrorBox error={error} />
      {result && (
        <div className="card">
          <table><tbody>{Object.entries(result).filter(([, v]) => typeof v !== 'object' || v === null).map(([k, v]) => (
            <tr key={k}><th>{k}</th><td>{k === 'promotionId' ? <Link to={`/promotions/${String(v)}`}>{String(v)}</Link> : String(v ?? '—')}</td></tr>
          ))}</tbody></table>
        </div>
      )}
    </>
  );
}
