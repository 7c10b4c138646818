import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../api/problem';
import type { Segment } from '../api/types';
import { SegmentForm } from './SegmentForm';

afterEach(cleanup);
const criteria = { all: [{ fact: 'history.order_count', op: 'gte', value: 3 }] };
const stored = { id: 'seg_1', name: 'Frequent', description: 'Three orders or more', criteria, version: 4 } as unknown as Segment;

describe('segment form', () => {
  it('opens an existing segment with its fields and saves the change with the criteria unchanged', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(<SegmentForm initial={stored} onSave={onSave} onCancel={() => {}} />);
    expect((screen.getByLabelText(/^Segment name/) as HTMLInputElement).value).toBe('Frequent');
    fireEvent.change(screen.getByLabelText(/^Description/), { target: { value: 'Loyal' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save segment' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0][0]).toEqual({ name: 'Frequent', description: 'Loyal', criteria });
  });

  it('turns a segment with criteria into one whose members are listed (criteria null)', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(<SegmentForm initial={stored} onSave={onSave} onCancel={() => {}} />);
    fireEvent.click(screen.getByRole('checkbox', { name: /meet criteria/ }));
    fireEvent.change(screen.getByLabelText(/^Description/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save segment' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0][0]).toEqual({ name: 'Frequent', description: null, criteria: null });
  });

  it('shows a refused name at its field and a stale write (412) with a reload that asks for the segment again', async () => {
    const onReload = vi.fn();
    const onSave = vi.fn()
      .mockRejectedValueOnce(new ApiError({ status: 400, errors: [{ code: 'required', message: 'A name is required.', path: '$.name' }] }))
      .mockRejectedValueOnce(new ApiError({ status: 412, code: 'precondition_failed' }));
    render(<SegmentForm initial={stored} onSave={onSave} onCancel={() => {}} onReload={onReload} />);
    fireEvent.change(screen.getByLabelText(/^Segment name/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save segment' }));
    await waitFor(() => expect(screen.getByText('A name is required.')).toBeTruthy());
    expect(screen.getByLabelText(/^Segment name/).className).toBe('invalid');
    fireEvent.click(screen.getByRole('button', { name: 'Save segment' }));
    await waitFor(() => expect(screen.getByText(/Someone changed this item/)).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalledOnce();
  });

  it('creates a new segment with criteria made in the rule editor by default', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(<SegmentForm onSave={onSave} onCancel={() => {}} />);
    fireEvent.change(screen.getByLabelText(/^Segment name/), { target: { value: 'New ones' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create segment' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    const body = onSave.mock.calls[0][0];
    expect(body.name).toBe('New ones');
    expect(body.criteria).toMatchObject({ all: [{ fact: 'history.order_count' }] });
  });
});
