import type { components } from '../api/schema';
import { defaultEffect, type Effect } from '../effects/model';
import { fromLocal, toLocal } from '../ui/kit';

type S = components['schemas'];
export type Plan = S['PlanResponse'];
export type PlanStage = S['StageResponse'];
export type PlanRequest = S['PlanRequest'];
export type ChangeKind = S['StageChangeKind'];
export const changeKinds: ChangeKind[] = ['activate', 'pause', 'end', 'set_effect', 'distribute_codes'];

/** One change as the editor holds it: '' as promotion = the campaign itself; a distribution names its segment and batch size ('' = default). */
export interface ChangeDraft { type: ChangeKind; promotionId: string; effect?: Effect; segmentId?: string; batchSize?: string }

/** The change a kind starts with when picked in the editor. */
export function changeOf(type: ChangeKind, previous: ChangeDraft): ChangeDraft {
  const base = { type, promotionId: previous.promotionId };
  if (type === 'set_effect') return { ...base, effect: previous.effect ?? defaultEffect('percent_off') };
  if (type === 'distribute_codes') return { ...base, segmentId: previous.segmentId ?? '', batchSize: previous.batchSize ?? '' };
  return base;
}
/** One stage as the editor holds it: `when` says which of `at` (local date-time) or `after` (ISO duration) counts. */
export interface StageDraft { name: string; when: 'at' | 'after'; at: string; after: string; changes: ChangeDraft[]; skipAt: string }

export const newStage = (n: number): StageDraft => ({ name: `Stage ${n}`, when: 'after', at: '', after: 'PT0S', changes: [{ type: 'activate', promotionId: '' }], skipAt: '' });

/** The stages of a stored plan, as the editor holds them. */
export function draftsOf(plan: Plan | null | undefined): StageDraft[] {
  return (plan?.stages ?? []).map((s) => ({
    name: s.name,
    when: s.at ? 'at' : 'after',
    at: toLocal(s.at ?? undefined),
    after: s.after ?? '',
    changes: s.changes.map((c) => ({
      type: c.type,
      promotionId: c.promotionId ?? '',
      ...(c.type === 'set_effect' ? { effect: (c.effect ?? defaultEffect('percent_off')) as unknown as Effect } : {}),
      ...(c.type === 'distribute_codes' ? { segmentId: c.segmentId ?? '', batchSize: c.batchSize != null ? String(c.batchSize) : '' } : {}),
    })),
    skipAt: s.skipIf?.budgetSpentAtLeast != null ? String(s.skipIf.budgetSpentAtLeast) : '',
  }));
}

/** The body PUT /admin/campaigns/{id}/plan takes. */
export function requestOf(stages: StageDraft[]): PlanRequest {
  return {
    stages: stages.map((s) => ({
      name: s.name,
      ...(s.when === 'at' ? { at: fromLocal(s.at) ?? null } : { after: s.after }),
      changes: s.changes.map((c) => ({
        type: c.type,
        promotionId: c.promotionId || null,
        ...(c.type === 'set_effect' ? { effect: c.effect } : {}),
        ...(c.type === 'distribute_codes'
          ? { segmentId: c.segmentId || null, ...(c.batchSize?.trim() ? { batchSize: Number(c.batchSize) } : {}) }
          : {}),
      })),
      ...(s.skipAt.trim() ? { skipIf: { budgetSpentAtLeast: Number(s.skipAt) } } : {}),
    })),
  };
}

/** The list with item `from` moved to `to` (out of range: unchanged). */
export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

/** The first stage still pending: what runs next. */
export const nextStage = (plan: Plan): PlanStage | undefined => plan.stages.find((s) => s.status === 'pending');

/** A change in words: "activate Spring sale", "set the effect of X", "pause the campaign", "send codes of X to a segment". */
export function changeWords(type: ChangeKind, target: string | null | undefined, names: Record<string, string> = {}, segment?: string | null): string {
  const what = target ? names[target] ?? target : 'the campaign';
  if (type === 'distribute_codes') return `send codes of ${what} to ${segment ? `segment ${names[segment] ?? segment}` : 'a segment'}`;
  return type === 'set_effect' ? `set the effect of ${what}` : `${type} ${what}`;
}

/** A distribution's progress in words: "120 sent in 3 batches, 4 skipped, 0 left". */
export function distributionWords(d: { distributed: number; batches: number; skipped: number; remaining: number; state: string }): string {
  const done = d.state === 'exhausted' ? 'the pool ran out: ' : d.state === 'running' ? 'sending: ' : '';
  return `${done}${d.distributed} sent in ${d.batches} batch${d.batches === 1 ? '' : 'es'}, ${d.skipped} skipped, ${d.remaining} left`;
}

/** What a change's result code means. */
export function resultWords(result: string): string {
  switch (result) {
    case 'changed': return 'done';
    case 'unchanged': return 'already so';
    case 'illegal_transition': return 'refused: not possible from its status';
    case 'window_ended': return 'refused: its time window has ended';
    case 'not_found': return 'refused: it no longer exists';
    default: return `refused (${result.replace(/_/g, ' ')})`;
  }
}
