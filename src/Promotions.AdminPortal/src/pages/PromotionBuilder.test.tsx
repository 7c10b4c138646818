import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { draftOf, JsonView, type Draft } from './PromotionBuilder';
import type { Promotion } from '../api/types';
import { fromLocal, toLocal } from '../ui/kit';

afterEach(cleanup);

const draft: Draft = {
  campaignId: 'cmp_1', name: 'Spring', kind: 'code', channels: ['web'], priority: 5, stacking: { exclusive: true, group: 'spring' },
  effect: { type: 'tiered', basis: 'quantity', tiers: [{ threshold: 2, percentOff: 5 }] },
  rules: [{ condition: { all: [{ fact: 'cart.subtotal', op: 'gte', value: 50 }, { not: { fact: 'channel', op: 'eq', value: 'email' } }] } }],
  maxRedemptions: 100, perCustomerLimit: 1,
};

describe('promotion JSON view', () => {
  it('applies exactly the JSON it shows (round trip)', () => {
    const onApply = vi.fn();
    render(<JsonView draft={draft} onApply={onApply} readOnly={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Apply JSON' }));
    expect(onApply).toHaveBeenCalledWith(draft);
  });

  it('applies an edit, and refuses text that is not JSON without applying it', () => {
    const onApply = vi.fn();
    render(<JsonView draft={draft} onApply={onApply} readOnly={false} />);
    const box = screen.getByLabelText('Promotion JSON');
    fireEvent.change(box, { target: { value: '{"name": "x",' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply JSON' }));
    expect(onApply).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/^Not valid JSON/);
    fireEvent.change(box, { target: { value: JSON.stringify({ ...draft, name: 'Autumn' }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply JSON' }));
    expect(onApply).toHaveBeenCalledWith({ ...draft, name: 'Autumn' });
  });

  it('reads a stored promotion back into the body PUT takes', () => {
    const stored = {
      id: 'prm_1', campaignId: 'cmp_1', name: 'Spring', description: null, kind: 'code', startsAt: null, endsAt: null, status: 'draft',
      effect: draft.effect, rules: [{ id: 'r1', ruleType: 'eligibility', condition: draft.rules[0].condition, priority: 0 }],
      channels: ['web'], priority: 5, stacking: { exclusive: true, group: 'spring' }, maxRedemptions: 100, perCustomerLimit: 1,
      createdAt: '', updatedAt: '', version: 1,
    } as unknown as Promotion;
    expect(draftOf(stored)).toEqual(draft);
  });

  it('turns a local date-time into an instant and back', () => {
    const iso = fromLocal('2026-03-14T18:00')!;
    expect(toLocal(iso)).toBe('2026-03-14T18:00');
    expect(fromLocal('')).toBeUndefined();
  });
});
