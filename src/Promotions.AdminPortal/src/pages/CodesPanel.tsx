import { useEffect, useState } from 'react';
import { api, download, ok, raw } from '../api/client';
import type { CodeJob, Promotion } from '../api/types';
import { can } from '../auth/roles';
import { useRoles } from '../auth/useSession';
import { verdict } from '../codes/entropy';
import { ErrorBox, FieldErrors, Loaded, useLoad } from '../ui/kit';
import { ApiError } from '../api/problem';

interface ImportReport { jobId: string; imported: number; rejected: { line: number; code: string; errorCode: string; message: string }[] }

/** A code promotion's codes: generation jobs with live progress, CSV import with its per-line report, export, list. */
export function CodesPanel({ promotion }: { promotion: Promotion }) {
  const roles = useRoles();
  const [tick, setTick] = useState(0);
  const codes = useLoad(() => ok(api.GET('/admin/promotions/{id}/codes', { params: { path: { id: promotion.id }, query: { limit: '20' } } })).then((r) => r.data), [promotion.id, tick]);
  return (
    <div className="grid">
      {can.write(roles) && <Generate promotion={promotion} onDone={() => setTick((t) => t + 1)} />}
      {can.write(roles) && <Import promotion={promotion} onDone={() => setTick((t) => t + 1)} />}
      <div className="card">
        <div className="row spread"><h3>Codes</h3><button onClick={() => download(`/admin/promotions/${promotion.id}/codes/export`, `codes-${promotion.id}.csv`)}>Export CSV</button></div>
        <Loaded state={codes} empty={(d) => (d.items ?? []).length === 0}>
          {(d) => (
            <table><thead><tr><th>Code</th><th className="num">Max uses</th><th>Expires</th><th>Customer</th></tr></thead>
              <tbody>{(d.items as { code: string; maxUses?: number; expiresAt?: string; assignedCustomerId?: string }[]).map((c) => (
                <tr key={c.code}><td><code>{c.code}</code></td><td className="num">{c.maxUses ?? 1}</td><td>{c.expiresAt ?? '—'}</td><td>{c.assignedCustomerId ?? '—'}</td></tr>
              ))}</tbody></table>
          )}
        </Loaded>
      </div>
    </div>
  );
}

function Generate({ promotion, onDone }: { promotion: Promotion; onDone: () => void }) {
  const [pattern, setPattern] = useState('PROMO-????-????');
  const [count, setCount] = useState('1000');
  const [job, setJob] = useState<CodeJob>();
  const [error, setError] = useState<unknown>();
  const check = verdict({ pattern, count: Number(count) || 0 });
  useEffect(() => {
    if (!job || job.state === 'completed' || job.state === 'failed') return;
    const timer = setTimeout(async () => {
      try {
        const next = (await ok(api.GET('/admin/code-jobs/{jobId}', { params: { path: { jobId: job.id } } }))).data as CodeJob;
        setJob(next);
        if (next.state === 'completed') onDone();
      } catch (err) { setError(err); }
    }, 250);
    return () => clearTimeout(timer);
  }, [job, onDone]);
  const percent = job ? Math.floor((Number(job.done) / Math.max(1, Number(job.total))) * 100) : 0;
  const at = (p: string) => (error instanceof ApiError ? error.at(p) : []);
  return (
    <form className="card grid" onSubmit={async (e) => {
      e.preventDefault(); setError(undefined);
      try {
        const started = await ok(api.POST('/admin/promotions/{id}/code-jobs', { params: { path: { id: promotion.id } }, body: { pattern, count: Number(count) } as never }));
        setJob(started.data as CodeJob);
      } catch (err) { setError(err); }
    }}>
      <h3>Generate codes</h3>
      <div className="row">
        <label>Pattern (# digit, ? letter, * any)<input value={pattern} onChange={(e) => setPattern(e.target.value.toUpperCase())} /><FieldErrors errors={at('$.pattern')} /></label>
        <label>How many<input inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} size={10} /><FieldErrors errors={at('$.count')} /></label>
        <button className="primary" type="submit" disabled={!check.ok || (!!job && !['completed', 'failed'].includes(job.state))}>Generate</button>
      </div>
      {check.ok ? <p className="small muted">{check.bits.toFixed(1)} random bits per code; up to {check.max.toLocaleString('en')} codes of this pattern can be made.</p>
        : <div className="alert error" role="alert" data-testid="entropy-refusal"><strong>Too easy to guess.</strong> {check.message}</div>}
      {job && (
        <div>
          <div className="row spread small"><span>Job {job.state}</span><span data-testid="job-progress">{Number(job.done).toLocaleString('en')} / {Number(job.total).toLocaleString('en')} ({percent} %)</span></div>
          <div className="progress" role="progressbar" aria-label="Code generation" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}><div style={{ width: `${percent}%` }} /></div>
          {job.error && <div className="alert error">{job.error}</div>}
        </div>
      )}
      {!(error instanceof ApiError && error.status === 400) && <ErrorBox error={error} />}
      {error instanceof ApiError && error.status === 400 && <div className="alert error" role="alert">{error.problem.errors?.map((x) => x.message).join(' ') ?? error.message}</div>}
    </form>
  );
}

function Import({ promotion, onDone }: { promotion: Promotion; onDone: () => void }) {
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<unknown>();
  return (
    <div className="card grid">
      <h3>Import codes (CSV)</h3>
      <label>CSV file — one code per line: code[,maxUses,expiresAt,assignedCustomerId]
        <input type="file" accept=".csv,text/csv" onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          setError(undefined); setReport(undefined);
          try {
            const response = await raw(`/admin/promotions/${promotion.id}/codes/import`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: await file.text() });
            setReport((await response.json()) as ImportReport);
            onDone();
          } catch (err) { setError(err); }
        }} />
      </label>
      <ErrorBox error={error} />
      {report && (
        <div>
          <div className="alert ok" role="status">{report.imported} imported, {report.rejected.length} rejected.</div>
          {report.rejected.length > 0 && (
            <table><thead><tr><th className="num">Line</th><th>Code</th><th>Why</th></tr></thead>
              <tbody>{report.rejected.map((r) => <tr key={r.line}><td className="num">{r.line}</td><td>{r.code}</td><td>{r.message}</td></tr>)}</tbody></table>
          )}
        </div>
      )}
    </div>
  );
}
