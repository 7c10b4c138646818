import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { RuleEditor } from './RuleEditor';
import { allCombinations, factInfo, write, type Json } from './model';

afterEach(cleanup);

describe('RuleEditor', () => {
  it.each(allCombinations().map((l) => [`${l.fact} ${l.op}`, write(l)] as const))('shows and writes back %s', (_, leaf) => {
    const onChange = vi.fn();
    const value = { all: [leaf] } as Json;
    render(<RuleEditor value={value} onChange={onChange} path="$.rules[0].condition" />);
    const condition = screen.getByRole('group', { name: 'Condition' });
    const info = factInfo((leaf as { fact: string }).fact)!;
    expect((within(condition).getByLabelText('Fact') as HTMLSelectElement).value).toBe(info.type === 'attribute' ? 'customer.attributes' : info.fact);
    expect((within(condition).getByLabelText('Operator') as HTMLSelectElement).value).toBe((leaf as { op: string }).op);
    expect(onChange).not.toHaveBeenCalled();
    // A change elsewhere in the tree writes this leaf back exactly as it came.
    fireEvent.change(screen.getByLabelText('Group kind'), { target: { value: 'any' } });
    expect(onChange).toHaveBeenLastCalledWith({ any: [leaf] });
  });

  it('builds a nested condition from clicks and typed values', () => {
    let value: Json = { all: [{ fact: 'cart.subtotal', op: 'eq', value: 0 }] };
    const onChange = (v: Json) => { value = v; view.rerender(<RuleEditor value={value} onChange={onChange} path="$" />); };
    const view = render(<RuleEditor value={value} onChange={onChange} path="$" />);
    fireEvent.change(screen.getByLabelText('Operator'), { target: { value: 'gte' } });
    fireEvent.change(screen.getByLabelText('Value'), { target: { value: '50' } });
    fireEvent.click(screen.getByRole('button', { name: '+ Not' }));
    const not = screen.getByRole('group', { name: 'Not' });
    fireEvent.change(within(not).getByLabelText('Fact'), { target: { value: 'channel' } });
    fireEvent.change(within(not).getByLabelText('Operator'), { target: { value: 'in' } });
    fireEvent.change(within(not).getByLabelText('Values'), { target: { value: 'web, email' } });
    expect(value).toEqual({ all: [{ fact: 'cart.subtotal', op: 'gte', value: 50 }, { not: { fact: 'channel', op: 'in', value: ['web', 'email'] } }] });
  });

  it('shows a server error at the field its JSON path names', () => {
    const problem = { status: 400, errors: [{ code: 'rule.invalid_operand', message: 'Expected a number.', path: '$.rules[0].condition.all[1].value' }] };
    render(<RuleEditor value={{ all: [{ fact: 'cart.subtotal', op: 'gte', value: 1 }, { fact: 'cart.item_count', op: 'gte', value: 'two' }] }}
      onChange={() => {}} problem={problem} path="$.rules[0].condition" />);
    const [first, second] = screen.getAllByRole('group', { name: 'Condition' });
    expect(within(second).getByRole('alert').textContent).toBe('Expected a number.');
    expect(within(first).queryByRole('alert')).toBeNull();
  });
});
