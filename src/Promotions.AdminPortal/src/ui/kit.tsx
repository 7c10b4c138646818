import { useEffect, useState, type ReactNode } from 'react';
import { ApiError, plainWords, type FieldError } from '../api/problem';

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return <div className="spinner" role="status" aria-live="polite">{label}</div>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** An error in plain words, with the field errors of a ProblemDetails listed by path. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : { status: -1, title: String((error as Error)?.message ?? error) };
  const words = problem.status === -1 ? problem.title : plainWords(problem);
  const fields: FieldError[] = problem.errors ?? [];
  return (
    <div className="alert error" role="alert">
      <strong>{words}</strong>
      {problem.status === 400 && fields.length > 0 && (
        <ul>{fields.map((f, i) => <li key={i}>{f.message}{f.path ? <span className="muted small"> — at {f.path}</span> : null}</li>)}</ul>
      )}
      {problem.status !== 400 && problem.title && problem.title !== words && <div className="small">{problem.title}</div>}
      {onRetry && <div><button onClick={onRetry}>{problem.status === 412 ? 'Reload' : 'Try again'}</button></div>}
    </div>
  );
}

export function FieldErrors({ errors }: { errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return <span className="field-error" role="alert">{errors.map((e) => e.message).join(' ')}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge ${status}`}>{status}</span>;
}

/** Loads data for a screen: loading, error (with retry) and reload. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then((data) => live && setState({ data, loading: false }), (error) => live && setState({ error, loading: false }));
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((t) => t + 1), set: (data: T) => setState({ data, loading: false }) };
}

export function Loaded<T>({ state, children, empty }: { state: { data?: T; error?: unknown; loading: boolean; reload: () => void }; children: (data: T) => ReactNode; empty?: (data: T) => boolean }) {
  if (state.error) return <ErrorBox error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Spinner />;
  if (empty?.(state.data)) return <Empty>Nothing here yet.</Empty>;
  return <>{children(state.data)}</>;
}

export function money(amount: unknown, currency = "EUR") {
  const n = Number(amount ?? 0);
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(n);
  } catch {
    return `${n.toFixed(2)} ${currency}`;
  }
}

export function date(value?: string | null) {
  return value ? new Date(value).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: value.length > 10 ? 'short' : undefined }) : '—';
}

/** `datetime-local` works in the browser's time zone; the API takes instants with an offset. */
export const toLocal = (iso?: string) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
export const fromLocal = (value: string) => (value ? new Date(value).toISOString() : undefined);
