import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Router } from 'wouter';
import { describe, expect, it } from 'vitest';
import { saveSession } from '../api/session';
import type { PickList } from '../api/types';
import { fakeApi, renderWithQueries } from '../testing';
import { PickListPage } from './PickListPage';

const PATH = '/api/v1/stores/berlin-mitte/orders/order-1';

function list(picked?: number): PickList {
  return {
    orderId: 'order-1',
    status: 'PICKING',
    items: [
      { lineId: 'L2', sku: 'DAI-00001', name: 'Milk', quantity: 2, location: 'A-1-2', picked },
      {
        lineId: 'L1',
        sku: 'BAK-00001',
        name: 'Bread',
        quantity: 1,
        location: 'C-4-1',
        substitution: { preference: 'REFUND' },
      },
    ],
  };
}

describe('the pick list', () => {
  it('shows the lines in the order the API walks them, with where each is and what the shopper wants', async () => {
    saveSession('staff', { token: 't', expiresAt: Date.now() + 60_000, email: 'staff@example.com' });
    fakeApi({ [`GET ${PATH}/pick-list`]: { body: list() } });
    renderWithQueries(
      <Router>
        <PickListPage storeId="berlin-mitte" orderId="order-1" />
      </Router>,
    );

    const items = await screen.findAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-sku'))).toEqual(['DAI-00001', 'BAK-00001']);
    expect(within(items[0]).getByText('A-1-2')).toBeTruthy();
    expect(within(items[1]).getByText('If short: refund me')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('0 of 2 lines picked');
  });

  it('confirms a line with the sku scanned, and reports one short with the units found', async () => {
    saveSession('staff', { token: 't', expiresAt: Date.now() + 60_000, email: 'staff@example.com' });
    const sent = fakeApi({
      [`GET ${PATH}/pick-list`]: [{ body: list() }, { body: list(2) }],
      [`POST ${PATH}/lines/L2/picked`]: { body: {} },
      [`POST ${PATH}/lines/L1/short`]: { status: 422, body: { title: 'Not this quantity', detail: 'no' } },
    });
    renderWithQueries(
      <Router>
        <PickListPage storeId="berlin-mitte" orderId="order-1" />
      </Router>,
    );
    const milk = (await screen.findAllByRole('listitem'))[0];

    fireEvent.change(within(milk).getByLabelText('Scan Milk'), { target: { value: ' dai-00001 ' } });
    fireEvent.click(within(milk).getByRole('button', { name: 'Picked 2' }));
    await waitFor(() => expect(screen.getByText('✓ Picked')).toBeTruthy());
    const bread = screen.getAllByRole('listitem')[1];
    fireEvent.click(within(bread).getByRole('button', { name: 'Short' }));
    fireEvent.click(within(bread).getByRole('button', { name: 'Report short' }));

    await waitFor(() => expect(sent.some((call) => call.path.endsWith('/short'))).toBe(true));
    expect(sent.find((call) => call.path.endsWith('/picked'))?.body).toEqual({ sku: 'DAI-00001', quantity: 2 });
    expect(sent.find((call) => call.path.endsWith('/short'))?.body).toEqual({ found: 0 });
  });
});
