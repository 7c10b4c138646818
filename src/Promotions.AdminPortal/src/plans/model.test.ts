import { describe, expect, it } from 'vitest';
import { changeWords, distributionWords, draftsOf, move, newStage, nextStage, requestOf, resultWords, type Plan } from './model';

const plan: Plan = {
  campaignId: 'cmp_1', revision: 4, running: true, approval: null,
  stages: [
    { index: 0, name: 'Launch', at: '2026-03-14T18:00:00.000Z', after: null, runsAt: '2026-03-14T18:00:00.000Z', status: 'applied', ranAt: '2026-03-14T18:00:05.000Z',
      changes: [{ type: 'activate', promotionId: 'prm_1', effect: null }], skipIf: null,
      results: [{ kind: 'activate', target: 'prm_1', result: 'changed', status: 'active' }] },
    { index: 1, name: 'Deeper', at: null, after: 'P2D', runsAt: '2026-03-16T18:00:00.000Z', status: 'pending', ranAt: null,
      changes: [{ type: 'set_effect', promotionId: 'prm_1', effect: { type: 'percent_off', percent: 20 } as never }], skipIf: { budgetSpentAtLeast: 0.9 }, results: null },
    { index: 2, name: 'Close', at: null, after: 'P1D', runsAt: '2026-03-17T18:00:00.000Z', status: 'pending', ranAt: null,
      changes: [{ type: 'end', promotionId: null, effect: null }], skipIf: null, results: null },
  ],
};

describe('plan model', () => {
  it('reads a stored plan back into the body PUT takes', () => {
    expect(requestOf(draftsOf(plan))).toEqual({
      stages: [
        { name: 'Launch', at: '2026-03-14T18:00:00.000Z', changes: [{ type: 'activate', promotionId: 'prm_1' }] },
        { name: 'Deeper', after: 'P2D', changes: [{ type: 'set_effect', promotionId: 'prm_1', effect: { type: 'percent_off', percent: 20 } }], skipIf: { budgetSpentAtLeast: 0.9 } },
        { name: 'Close', after: 'P1D', changes: [{ type: 'end', promotionId: null }] },
      ],
    });
  });

  it('reads a distribution back with its segment and batch size, and leaves a default batch size out', () => {
    const stored: Plan = { ...plan, stages: [{ ...plan.stages[2], name: 'Email codes', changes: [
      { type: 'distribute_codes', promotionId: 'prm_2', effect: null, segmentId: 'seg_1', batchSize: 20 },
      { type: 'distribute_codes', promotionId: 'prm_3', effect: null, segmentId: 'seg_2', batchSize: null },
    ] }] };
    expect(requestOf(draftsOf(stored)).stages?.[0]?.changes).toEqual([
      { type: 'distribute_codes', promotionId: 'prm_2', segmentId: 'seg_1', batchSize: 20 },
      { type: 'distribute_codes', promotionId: 'prm_3', segmentId: 'seg_2' },
    ]);
  });

  it('says where a distribution is', () => {
    expect(changeWords('distribute_codes', 'prm_1', { prm_1: 'Spring', seg_1: 'VIP' }, 'seg_1')).toBe('send codes of Spring to segment VIP');
    expect(distributionWords({ distributed: 96, batches: 2, skipped: 1, remaining: 0, state: 'completed' })).toBe('96 sent in 2 batches, 1 skipped, 0 left');
    expect(distributionWords({ distributed: 10, batches: 1, skipped: 0, remaining: 5, state: 'exhausted' })).toBe('the pool ran out: 10 sent in 1 batch, 0 skipped, 5 left');
  });

  it('sends a new stage as PT0S after the one before, moving the campaign itself', () => {
    expect(requestOf([newStage(1)])).toEqual({ stages: [{ name: 'Stage 1', after: 'PT0S', changes: [{ type: 'activate', promotionId: null }] }] });
  });

  it('moves an item and leaves the list alone for a move out of range', () => {
    expect(move(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    const list = ['a', 'b'];
    expect(move(list, 0, -1)).toBe(list);
    expect(move(list, 1, 2)).toBe(list);
  });

  it('names the first pending stage as next, and none once all ran', () => {
    expect(nextStage(plan)?.name).toBe('Deeper');
    expect(nextStage({ ...plan, stages: plan.stages.map((s) => ({ ...s, status: 'skipped' })) })).toBeUndefined();
  });

  it('says what a change and its result are in words', () => {
    expect(changeWords('activate', 'prm_1', { prm_1: 'Spring' })).toBe('activate Spring');
    expect(changeWords('end', null)).toBe('end the campaign');
    expect(changeWords('set_effect', 'prm_9')).toBe('set the effect of prm_9');
    expect(resultWords('unchanged')).toBe('already so');
    expect(resultWords('window_ended')).toMatch(/time window has ended/);
    expect(resultWords('budget_gone')).toBe('refused (budget gone)');
  });
});
