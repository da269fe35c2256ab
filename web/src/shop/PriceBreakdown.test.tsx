import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { euros } from '../testing';
import { PriceBreakdown } from './PriceBreakdown';

const row = (name: string) => screen.getByText(name).closest('div')!;

describe('PriceBreakdown', () => {
  it('shows every part of the price, the discount as a minus, and the VAT the total includes', () => {
    render(
      <PriceBreakdown
        price={{
          subtotal: euros(1596),
          discount: euros(160),
          deliveryFee: euros(199),
          smallBasketFee: euros(0),
          tax: euros(119),
          total: euros(1635),
        }}
      />,
    );
    expect(within(row('Subtotal')).getByText(/16\.00|15\.96/)).toBeTruthy();
    expect(row('Discount').textContent).toMatch(/−€1\.60/);
    expect(row('Delivery').textContent).toMatch(/€1\.99/);
    expect(row('Total').textContent).toMatch(/€16\.35/);
    expect(row('Includes VAT').textContent).toMatch(/€1\.19/);
    expect(screen.queryByText('Small basket fee')).toBeNull();
  });

  it('says free delivery, and shows the small-basket fee when there is one', () => {
    render(
      <PriceBreakdown
        price={{
          subtotal: euros(499),
          discount: euros(0),
          deliveryFee: euros(0),
          smallBasketFee: euros(150),
          tax: euros(42),
          total: euros(649),
        }}
      />,
    );
    expect(row('Delivery').textContent).toContain('Free');
    expect(row('Small basket fee').textContent).toMatch(/€1\.50/);
    expect(screen.queryByText('Discount')).toBeNull();
  });
});
