import { date, Empty } from '../ui/kit';
import { changeWords, distributionWords, nextStage, resultWords, type Plan, type PlanStage } from './model';

const colors: Record<string, string> = { applied: 'var(--ok)', skipped: 'var(--muted)', pending: 'var(--primary)' };

/** The plan as a vertical timeline: what ran, when and what each change did; what is next and when. */
export function PlanTimeline({ plan, names = {} }: { plan: Plan; names?: Record<string, string> }) {
  if (plan.stages.length === 0) return <Empty>This plan has no stage.</Empty>;
  const next = nextStage(plan);
  return (
    <>
      <p className="small" aria-live="polite">
        {next
          ? <>Next: <strong>{next.name}</strong> {next.runsAt ? <>at {date(next.runsAt)}</> : <>once the campaign has a start</>}{plan.running ? '' : ' — the plan is not running now'}.</>
          : 'Every stage has run.'}
      </p>
      <ol className="timeline" aria-label="Plan stages">
        {plan.stages.map((s) => <Stage key={s.index} stage={s} names={names} next={s === next} />)}
      </ol>
    </>
  );
}

function Stage({ stage: s, names, next }: { stage: PlanStage; names: Record<string, string>; next: boolean }) {
  return (
    <li className={`timeline-stage ${s.status}${next ? ' next' : ''}`} aria-current={next ? 'step' : undefined}>
      <svg className="timeline-dot" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="8" cy="8" r="6" fill={s.status === 'pending' ? 'var(--surface)' : colors[s.status] ?? 'var(--muted)'} stroke={colors[s.status] ?? 'var(--muted)'} strokeWidth="2" />
      </svg>
      <div>
        <div className="row">
          <strong>{s.name}</strong>
          <span className={`badge ${s.status === 'applied' ? 'pass' : ''}`}>{s.status}</span>
          {next && <span className="badge scheduled">next</span>}
        </div>
        <div className="small muted">
          {s.ranAt ? <>Ran {date(s.ranAt)}</> : s.runsAt ? <>Runs {date(s.runsAt)}</> : <>Time not known yet</>}
          {s.after && <> ({s.after} after the stage before)</>}
          {s.skipIf?.budgetSpentAtLeast != null && <> · skipped once {Math.round(s.skipIf.budgetSpentAtLeast * 100)} % of the budget is spent</>}
        </div>
        <ul className="small">
          {s.results
            ? s.results.map((r, i) => <li key={i}>{changeWords(r.kind, r.target, names)}: <span className={r.result === 'changed' || r.result === 'unchanged' ? '' : 'field-error'}>{resultWords(r.result)}</span>{r.status ? <span className="muted"> (now {r.status})</span> : null}</li>)
            : s.changes.map((c, i) => <li key={i}>{changeWords(c.type, c.promotionId, names, c.segmentId)}</li>)}
          {(s.distributions ?? []).map((d) => (
            <li key={`d${d.changeIndex}`}>{changeWords('distribute_codes', d.promotionId, names, d.segmentId)}: {distributionWords(d)}</li>
          ))}
        </ul>
      </div>
    </li>
  );
}
