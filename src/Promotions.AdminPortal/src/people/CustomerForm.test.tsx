import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../api/problem';
import type { Customer } from '../api/types';
import { CustomerForm, customerBody, draftOfCustomer } from './CustomerForm';

afterEach(cleanup);
const segments = [{ id: 'seg_1', name: 'Frequent' }, { id: 'seg_2', name: 'VIP' }];
const stored = {
  id: 'cus_1', email: 'ana@example.com', name: 'Ana', attributes: { tier: 'gold' }, segmentIds: ['seg_1'],
  location: { country: 'PT', region: null, city: 'Lisbon', postalCode: null, storeId: 's9', latitude: 38.7, longitude: -9.1 },
  history: { orderCount: 4, lifetimeSpend: 120, lastOrderAt: '2026-02-01T10:00:00Z', items: [] }, lastActiveAt: '2026-02-02T10:00:00Z',
  createdAt: '2026-01-01T00:00:00Z', version: 3,
} as unknown as Customer;

describe('customer body', () => {
  it('sends back unchanged what the form does not show (history, last activity, coordinates)', () => {
    const body = customerBody(draftOfCustomer(stored), true, stored);
    expect(body).toEqual({
      email: 'ana@example.com', name: 'Ana', attributes: { tier: 'gold' }, segmentIds: ['seg_1'],
      location: stored.location, history: stored.history, lastActiveAt: stored.lastActiveAt,
    });
  });

  it('keeps the personal data a role may not see as read, whatever the form holds', () => {
    const draft = { ...draftOfCustomer(undefined), attributes: '{"tier":"silver"}', segmentIds: ['seg_2'] };
    const body = customerBody(draft, false, stored);
    expect(body.email).toBe('ana@example.com');
    expect(body.name).toBe('Ana');
    expect(body.location).toEqual(stored.location);
    expect(body.attributes).toEqual({ tier: 'silver' });
    expect(body.segmentIds).toEqual(['seg_2']);
  });

  it('leaves the location out when no part of it is given, and refuses attributes that are not JSON', () => {
    const draft = { ...draftOfCustomer(undefined), email: ' bo@example.com ' };
    expect(customerBody(draft, true)).toMatchObject({ email: 'bo@example.com', name: null, location: null, attributes: {} });
    expect(() => customerBody({ ...draft, attributes: '{"a":' }, true)).toThrow(SyntaxError);
  });
});

describe('customer form', () => {
  it('shows personal data fields only to roles that may see them', () => {
    const { rerender } = render(<CustomerForm initial={stored} personal={false} segments={segments} onSave={vi.fn()} onCancel={() => {}} />);
    expect(screen.queryByLabelText(/^E-mail/)).toBeNull();
    expect(screen.queryByDisplayValue('ana@example.com')).toBeNull();
    expect(screen.getByText(/does not show personal data/)).toBeTruthy();
    rerender(<CustomerForm initial={stored} personal segments={segments} onSave={vi.fn()} onCancel={() => {}} />);
    expect((screen.getByLabelText(/^E-mail/) as HTMLInputElement).value).toBe('ana@example.com');
    expect((screen.getByLabelText(/^City/) as HTMLInputElement).value).toBe('Lisbon');
  });

  it('creates a customer listed in the segments ticked, and shows a duplicate e-mail at its field', async () => {
    const onSave = vi.fn().mockRejectedValueOnce(new ApiError({ status: 409, code: 'duplicate', title: 'Duplicate', errors: [{ code: 'duplicate', message: "Customer 'cus_1' already has this e-mail address.", path: '$.email' }] }))
      .mockResolvedValueOnce(undefined);
    render(<CustomerForm personal segments={segments} onSave={onSave} onCancel={() => {}} />);
    fireEvent.change(screen.getByLabelText(/^E-mail/), { target: { value: 'ana@example.com' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /VIP/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create customer' }));
    await waitFor(() => expect(screen.getByLabelText(/^E-mail/).className).toBe('invalid'));
    expect(screen.getAllByText(/already has this e-mail address/).length).toBeGreaterThan(0);
    expect(onSave.mock.calls[0][0]).toMatchObject({ email: 'ana@example.com', segmentIds: ['seg_2'], attributes: {} });
  });

  it('shows attributes that are not JSON at their field without saving, and a 412 with its reload', async () => {
    const onReload = vi.fn();
    const onSave = vi.fn().mockRejectedValue(new ApiError({ status: 412 }));
    render(<CustomerForm initial={stored} personal segments={segments} onSave={onSave} onCancel={() => {}} onReload={onReload} />);
    fireEvent.change(screen.getByLabelText(/^Attributes/), { target: { value: '{"tier":' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save customer' }));
    await waitFor(() => expect(screen.getByText(/^Not valid JSON/)).toBeTruthy());
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(/^Attributes/), { target: { value: '{"tier":"silver"}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save customer' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalledOnce();
  });
});
