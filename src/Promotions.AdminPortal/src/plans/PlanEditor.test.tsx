import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../api/problem';
import { PlanEditor } from './PlanEditor';
import { PlanTimeline } from './PlanTimeline';
import { ApprovalPanel } from './ApprovalPanel';
import { newStage, type Plan } from './model';

afterEach(cleanup);
const promotions = [{ id: 'prm_1', name: 'Spring' }, { id: 'prm_2', name: 'Summer' }];

describe('plan editor', () => {
  it('adds, fills, reorders and removes stages, and saves the body in that order', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(<PlanEditor initial={[]} promotions={promotions} onSave={onSave} onCancel={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add stage' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add stage' }));
    const names = screen.getAllByLabelText('Name');
    fireEvent.change(names[0], { target: { value: 'Launch' } });
    fireEvent.change(names[1], { target: { value: 'Pause Summer' } });
    const stage2 = screen.getAllByRole('group')[1];
    fireEvent.change(within(stage2).getByLabelText('Change'), { target: { value: 'pause' } });
    fireEvent.change(within(stage2).getByLabelText(/^Of/), { target: { value: 'prm_2' } });
    fireEvent.change(within(stage2).getByLabelText(/^After/), { target: { value: 'P2D' } });
    fireEvent.change(within(stage2).getByLabelText(/^Skip once/), { target: { value: '0.8' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move stage 2 up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove stage 3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0][0]).toEqual({
      stages: [
        { name: 'Pause Summer', after: 'P2D', changes: [{ type: 'pause', promotionId: 'prm_2' }], skipIf: { budgetSpentAtLeast: 0.8 } },
        { name: 'Launch', after: 'PT0S', changes: [{ type: 'activate', promotionId: null }] },
      ],
    });
  });

  it('sends codes of a promotion to a segment in batches, and shows a refused segment at its field', async () => {
    const problem = { status: 400, code: 'validation', title: 'The plan is not valid.', errors: [
      { code: 'unknown_reference', message: 'No such segment.', path: '$.stages[0].changes[0].segmentId' },
    ] };
    const onSave = vi.fn().mockRejectedValueOnce(new ApiError(problem)).mockResolvedValue(undefined);
    render(<PlanEditor initial={[newStage(1)]} promotions={promotions} segments={[{ id: 'seg_1', name: 'VIP' }]} onSave={onSave} onCancel={() => {}} />);
    fireEvent.change(screen.getByLabelText('Change'), { target: { value: 'distribute_codes' } });
    expect(screen.queryByRole('option', { name: 'the campaign' })).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Of/), { target: { value: 'prm_1' } });
    fireEvent.change(screen.getByLabelText(/^To segment/), { target: { value: 'seg_1' } });
    fireEvent.change(screen.getByLabelText(/^Customers per batch/), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(screen.getByLabelText(/^To segment/).className).toContain('invalid'));
    expect(within(screen.getByLabelText(/^To segment/).closest('label')!).getByText('No such segment.')).toBeTruthy();
    expect(onSave.mock.calls[0][0].stages[0].changes).toEqual([{ type: 'distribute_codes', promotionId: 'prm_1', segmentId: 'seg_1', batchSize: 20 }]);
    fireEvent.change(screen.getByLabelText('Change'), { target: { value: 'pause' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
    expect(onSave.mock.calls[1][0].stages[0].changes).toEqual([{ type: 'pause', promotionId: 'prm_1' }]);
  });

  it('shows each error of a refused plan at the field its JSON path names', async () => {
    const problem = { status: 400, code: 'validation', title: 'The plan is not valid.', errors: [
      { code: 'invalid_duration', message: 'Not an ISO 8601 duration.', path: '$.stages[1].after' },
      { code: 'unknown_reference', message: 'No such promotion in this campaign.', path: '$.stages[0].changes[0].promotionId' },
    ] };
    const onSave = vi.fn().mockRejectedValue(new ApiError(problem));
    render(<PlanEditor initial={[newStage(1), newStage(2)]} promotions={promotions} onSave={onSave} onCancel={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(screen.getAllByRole('alert').length).toBeGreaterThan(1));
    const [first, second] = screen.getAllByRole('group');
    expect(within(second).getByLabelText(/^After/).className).toBe('invalid');
    expect(within(second).getByText('Not an ISO 8601 duration.')).toBeTruthy();
    expect(within(first).getByLabelText(/^After/).className).toBe('');
    expect(within(first).getByLabelText(/^Of/).className).toBe('invalid');
    expect(within(first).getByText('No such promotion in this campaign.')).toBeTruthy();
  });

  it('lists under its stage an error whose field is not shown (the at of a stage run after the one before)', async () => {
    const onSave = vi.fn().mockRejectedValue(new ApiError({ status: 400, errors: [{ code: 'start_required', message: 'The campaign needs a start for this stage.', path: '$.stages[0].at' }] }));
    render(<PlanEditor initial={[newStage(1)]} promotions={promotions} onSave={onSave} onCancel={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(within(screen.getByRole('group')).getByText('The campaign needs a start for this stage.')).toBeTruthy());
  });

  it('edits the effect a set_effect change sets, under its own path', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(<PlanEditor initial={[newStage(1)]} promotions={promotions} onSave={onSave} onCancel={() => {}} />);
    fireEvent.change(screen.getByLabelText('Change'), { target: { value: 'set_effect' } });
    expect((screen.getByLabelText(/^Of/) as HTMLSelectElement).value).toBe('');
    fireEvent.change(screen.getByLabelText(/^Of/), { target: { value: 'prm_1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save plan' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    const change = onSave.mock.calls[0][0].stages[0].changes[0];
    expect(change.type).toBe('set_effect');
    expect(change.promotionId).toBe('prm_1');
    expect(change.effect.type).toBe('percent_off');
  });
});

const plan: Plan = {
  campaignId: 'cmp_1', revision: 2, running: true, approval: null,
  stages: [
    { index: 0, name: 'Launch', at: null, after: 'PT0S', runsAt: '2026-03-14T18:00:00Z', status: 'applied', ranAt: '2026-03-14T18:00:05Z',
      changes: [{ type: 'activate', promotionId: 'prm_1', effect: null }, { type: 'pause', promotionId: 'prm_2', effect: null }], skipIf: null,
      results: [{ kind: 'activate', target: 'prm_1', result: 'changed', status: 'active' }, { kind: 'pause', target: 'prm_2', result: 'illegal_transition', status: 'draft' }] },
    { index: 1, name: 'Close', at: '2026-03-20T18:00:00Z', after: null, runsAt: '2026-03-20T18:00:00Z', status: 'pending', ranAt: null,
      changes: [{ type: 'end', promotionId: null, effect: null }], skipIf: { budgetSpentAtLeast: 0.9 }, results: null },
  ],
};

describe('plan timeline', () => {
  it('shows what ran and what each change did, and which stage is next', () => {
    render(<PlanTimeline plan={plan} names={{ prm_1: 'Spring', prm_2: 'Summer' }} />);
    const [launch, close] = within(screen.getByRole('list', { name: 'Plan stages' })).getAllByRole('listitem').filter((li) => li.classList.contains('timeline-stage'));
    expect(launch.textContent).toContain('activate Spring: done');
    expect(launch.textContent).toContain('pause Summer: refused: not possible from its status');
    expect(launch.getAttribute('aria-current')).toBeNull();
    expect(close.getAttribute('aria-current')).toBe('step');
    expect(close.textContent).toContain('end the campaign');
    expect(close.textContent).toContain('90 % of the budget');
    expect(screen.getByText(/^Next:/).textContent).toContain('Close');
  });

  it('says when every stage has run', () => {
    render(<PlanTimeline plan={{ ...plan, stages: [plan.stages[0]] }} />);
    expect(screen.getByText('Every stage has run.')).toBeTruthy();
  });
});

describe('approval panel', () => {
  const pending = { required: true, status: 'pending' as const, submittedBy: 'marketer-1', submittedAt: '2026-03-01T10:00:00Z' };

  it('offers Approve and Reject to an admin only, and Submit only before submission', () => {
    const { rerender } = render(<ApprovalPanel approval={pending} canSubmit canDecide={false} act={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit for approval' })).toBeNull();
    rerender(<ApprovalPanel approval={pending} canSubmit canDecide act={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Approve' })).toBeTruthy();
    rerender(<ApprovalPanel approval={{ required: true, status: 'rejected', reason: 'Too deep' }} canSubmit canDecide act={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Submit for approval' })).toBeTruthy();
    expect(screen.getByText(/Too deep/)).toBeTruthy();
  });

  it('rejects with the reason typed, shows a missing reason at its field and the four-eyes refusal in words', async () => {
    const act = vi.fn()
      .mockRejectedValueOnce(new ApiError({ status: 400, errors: [{ code: 'required', message: 'A reason is required.', path: '$.reason' }] }))
      .mockRejectedValueOnce(new ApiError({ status: 403, code: 'four_eyes', title: 'Four eyes' }));
    render(<ApprovalPanel approval={pending} canSubmit canDecide act={act} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reject…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(screen.getByLabelText(/^Reason for rejecting/).className).toBe('invalid'));
    expect(act).toHaveBeenLastCalledWith('reject', '');
    fireEvent.change(screen.getByLabelText(/^Reason for rejecting/), { target: { value: 'Budget too high' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(screen.getByText(/another admin must approve or reject it/)).toBeTruthy());
    expect(act).toHaveBeenLastCalledWith('reject', 'Budget too high');
  });
});
