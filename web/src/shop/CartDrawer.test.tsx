import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Cart } from '../api/types';
import { saveSession } from '../api/session';
import { euros, fakeApi, renderWithQueries } from '../testing';
import { CartContents } from './CartDrawer';

const price = (subtotal: number) => ({
  subtotal: euros(subtotal),
  discount: euros(0),
  deliveryFee: euros(199),
  smallBasketFee: euros(0),
  tax: euros(Math.round(subtotal * 0.065)),
  total: euros(subtotal + 199),
});

function cart(quantity: number, voucher?: Cart['voucher']): Cart {
  return {
    storeId: 'berlin-mitte',
    lines: [
      {
        sku: 'DAI-00000',
        name: 'Organic Milk',
        quantity,
        unitPrice: euros(499),
        lineTotal: euros(499 * quantity),
        sold: true,
      },
    ],
    price: price(499 * quantity),
    voucher,
  };
}

function signedIn() {
  saveSession('shop', { token: 't', expiresAt: Date.now() + 60_000, email: 'ada@example.com' });
}

describe('the cart', () => {
  it('changes a quantity and shows the cart the API answers', async () => {
    signedIn();
    const sent = fakeApi({ 'PUT /api/v1/cart/items/DAI-00000': { body: cart(3) } });
    const { client } = renderWithQueries(<CartContents cart={cart(2)} onClose={() => undefined} />);
    client.setQueryData(['cart', 'ada@example.com'], cart(2));

    fireEvent.click(screen.getByRole('button', { name: 'One Organic Milk more' }));

    await waitFor(() => expect(client.getQueryData<Cart>(['cart', 'ada@example.com'])?.lines?.[0].quantity).toBe(3));
    expect(sent).toMatchObject([{ method: 'PUT', path: '/api/v1/cart/items/DAI-00000', body: { quantity: 3 } }]);
  });

  it('shows why a voucher does not apply', () => {
    signedIn();
    fakeApi({});
    renderWithQueries(
      <CartContents
        cart={cart(1, {
          code: 'WELCOME10',
          applied: false,
          reason: 'this voucher needs a basket of at least 15.00 EUR',
        })}
        onClose={() => undefined}
      />,
    );
    expect(screen.getByText('this voucher needs a basket of at least 15.00 EUR')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove voucher' })).toBeTruthy();
  });

  it('tells a short checkout in words and offers to reduce the line to what is left', async () => {
    signedIn();
    const sent = fakeApi({
      'POST /api/v1/checkout': {
        status: 409,
        body: {
          type: 'urn:commerce:problem:insufficient-stock',
          status: 409,
          detail: 'some lines can’t be filled at this store; nothing was held',
          shortLines: [{ sku: 'DAI-00000', requested: 2, available: 1 }],
        },
      },
      'PUT /api/v1/cart/items/DAI-00000': { body: cart(1) },
    });
    renderWithQueries(<CartContents cart={cart(2)} onClose={() => undefined} />);

    fireEvent.click(screen.getByRole('button', { name: /^Check out/ }));

    const alert = await screen.findByText(/Some items just ran low/);
    expect(alert.closest('[role=alert]')?.textContent).toContain('Organic Milk: only 1 left (you wanted 2)');
    expect(sent.filter((s) => s.path === '/api/v1/checkout')).toHaveLength(1); // a 409 is an answer: not retried
    fireEvent.click(screen.getByRole('button', { name: 'Reduce to 1' }));
    await waitFor(() => expect(screen.queryByText(/Some items just ran low/)).toBeNull());
    expect(sent.at(-1)).toMatchObject({ method: 'PUT', body: { quantity: 1 } });
  });

  it('sends checkout once per attempt under one Idempotency-Key, retrying a busy grid with the same key', async () => {
    signedIn();
    const sent = fakeApi({
      'POST /api/v1/checkout': [
        { status: 503, body: { type: 'urn:commerce:problem:grid-unavailable', status: 503 } },
        { status: 201, body: { id: 'order-1', status: 'PENDING_PAYMENT' } },
      ],
    });
    renderWithQueries(<CartContents cart={cart(1)} onClose={() => undefined} />);

    fireEvent.click(screen.getByRole('button', { name: /^Check out/ }));

    await waitFor(() => expect(sent.filter((s) => s.path === '/api/v1/checkout')).toHaveLength(2));
    const [first, second] = sent.map((s) => s.headers.get('Idempotency-Key'));
    expect(first).toBeTruthy();
    expect(second).toBe(first);
  });
});

describe('a cart line’s substitution', () => {
  it('is sent with the line, keeping its quantity, when the shopper chooses a refund', async () => {
    signedIn();
    const refunded = cart(2);
    refunded.lines![0].substitution = { preference: 'REFUND' };
    const sent = fakeApi({ 'PUT /api/v1/cart/items/DAI-00000': { body: refunded } });
    const { client } = renderWithQueries(<CartContents cart={cart(2)} onClose={() => undefined} />);
    client.setQueryData(['cart', 'ada@example.com'], cart(2));

    fireEvent.change(screen.getByLabelText('If it’s out:'), { target: { value: 'REFUND' } });

    await waitFor(() =>
      expect(client.getQueryData<Cart>(['cart', 'ada@example.com'])?.lines?.[0].substitution?.preference).toBe(
        'REFUND',
      ),
    );
    expect(sent).toMatchObject([{ body: { quantity: 2, substitution: { preference: 'REFUND' } } }]);
  });
});
