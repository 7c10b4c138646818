import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { EffectEditor } from './EffectEditor';
import { defaultEffect, effectTypes, setIn, type Effect } from './model';
import schema from '../../../../infra/schemas/effect.schema.json';

afterEach(cleanup);

/** One effect of each type with every optional member the type takes. */
const full: Effect[] = [
  { type: 'percent_off', percent: 15, maxDiscount: 30, currency: 'EUR', excludeAlreadyDiscounted: true, target: { scope: 'items', filter: { skus: ['A'], categories: ['shoes'], excludeSkus: ['B'] } } },
  { type: 'amount_off', amount: 5, target: { scope: 'order' } },
  { type: 'fixed_price', quantity: 3, price: 20, maxApplications: 2, target: { scope: 'items', filter: { categories: ['socks'] } } },
  { type: 'buy_x_get_y', buy: { quantity: 2, filter: { categories: ['shoes'] } }, get: { quantity: 1, percentOff: 50, filter: { skus: ['SOCK'] } }, choose: 'specified', maxApplications: 3 },
  { type: 'buy_x_get_y', buy: { quantity: 1 }, get: { quantity: 1 }, repeat: false },
  { type: 'tiered', basis: 'quantity', tiers: [{ threshold: 2, percentOff: 5 }, { threshold: 5, amountOff: 20 }] },
  { type: 'free_shipping', maxDiscount: 10 },
  { type: 'free_gift', sku: 'GIFT', quantity: 2, value: 4.5 },
];

function renderEditor(effect: Effect) {
  let value = effect;
  const onChange = vi.fn((e: Effect) => { value = e; view.rerender(<EffectEditor value={value} onChange={onChange} path="$.effect" />); });
  const view = render(<EffectEditor value={value} onChange={onChange} path="$.effect" />);
  return { onChange, get value() { return value; } };
}

describe('EffectEditor', () => {
  it('offers every effect type of the schema', () => {
    expect([...effectTypes].sort()).toEqual([...(schema.properties.type.enum as string[])].sort());
  });

  it.each(full.map((e) => [e.type, e] as const))('round-trips a full %s through an edit of its currency', (_, effect) => {
    const editor = renderEditor(effect);
    fireEvent.change(screen.getByLabelText('Currency (optional)'), { target: { value: 'usd' } });
    expect(editor.value).toEqual({ ...effect, currency: 'USD' });
    fireEvent.change(screen.getByLabelText('Currency (optional)'), { target: { value: '' } });
    const { currency: _c, ...rest } = effect;
    void _c;
    expect(editor.value).toEqual(rest);
  });

  it.each(effectTypes.map((t) => [t] as const))('switches to %s with its defaults', (type) => {
    const editor = renderEditor(defaultEffect('percent_off'));
    fireEvent.change(screen.getByLabelText('Effect'), { target: { value: type } });
    expect(editor.value).toEqual(defaultEffect(type));
  });

  it('edits numbers as numbers and leaves optional ones out when empty', () => {
    const editor = renderEditor(defaultEffect('percent_off'));
    fireEvent.change(screen.getByLabelText('Percent'), { target: { value: '12.5' } });
    fireEvent.change(screen.getByLabelText('Max discount'), { target: { value: '40' } });
    expect(editor.value).toMatchObject({ percent: 12.5, maxDiscount: 40 });
    fireEvent.change(screen.getByLabelText('Max discount'), { target: { value: '' } });
    expect('maxDiscount' in editor.value).toBe(false);
  });

  it('adds, changes and removes tiers', () => {
    const editor = renderEditor(defaultEffect('tiered'));
    fireEvent.click(screen.getByRole('button', { name: '+ Tier' }));
    fireEvent.change(screen.getByLabelText('Tier 3 threshold'), { target: { value: '200' } });
    fireEvent.change(screen.getAllByLabelText('Kind')[2], { target: { value: 'amountOff' } });
    expect((editor.value.tiers as unknown[])[2]).toEqual({ threshold: 200, amountOff: 5 });
    fireEvent.click(screen.getByRole('button', { name: 'Remove tier 1' }));
    expect((editor.value.tiers as unknown[]).length).toBe(2);
  });

  it('turning repeat off drops maxApplications, as the schema requires', () => {
    const editor = renderEditor(full[3]);
    fireEvent.click(screen.getByLabelText('Repeat'));
    expect(editor.value).toMatchObject({ repeat: false });
    expect('maxApplications' in editor.value).toBe(false);
  });

  it('shows a server error at the field its path names', () => {
    const problem = { status: 400, errors: [{ code: 'effect.out_of_range', message: 'At most 100.', path: '$.effect.tiers[1].percentOff' }] };
    render(<EffectEditor value={defaultEffect('tiered')} onChange={() => {}} problem={problem} path="$.effect" />);
    expect(screen.getByRole('alert').textContent).toBe('At most 100.');
    expect(screen.getByLabelText(/Tier 2 discount/).className).toBe('invalid');
  });

  it('setIn removes members and array items', () => {
    expect(setIn({ a: { b: 1, c: 2 } }, ['a', 'b'], undefined)).toEqual({ a: { c: 2 } });
    expect(setIn({ t: [1, 2, 3] }, ['t', 1], undefined)).toEqual({ t: [1, 3] });
  });
});
