import type { PriceBreakdown as Breakdown } from '../api/types';
import { formatMoney, isZero } from '../money';

/**
 * What the shopper pays and why: subtotal, the voucher's discount, the fees, the total, and the VAT
 * the total contains. Lines that are zero are left out, except the delivery fee, which says "Free".
 */
export function PriceBreakdown({ price }: { price: Breakdown | undefined }) {
  if (!price) {
    return null;
  }
  return (
    <dl className="breakdown" aria-label="Price breakdown">
      <div>
        <dt>Subtotal</dt>
        <dd>{formatMoney(price.subtotal)}</dd>
      </div>
      {!isZero(price.discount) && (
        <div className="discount">
          <dt>Discount</dt>
          <dd>−{formatMoney(price.discount)}</dd>
        </div>
      )}
      <div>
        <dt>Delivery</dt>
        <dd>{isZero(price.deliveryFee) ? 'Free' : formatMoney(price.deliveryFee)}</dd>
      </div>
      {!isZero(price.smallBasketFee) && (
        <div>
          <dt>Small basket fee</dt>
          <dd>{formatMoney(price.smallBasketFee)}</dd>
        </div>
      )}
      <div className="total">
        <dt>Total</dt>
        <dd>{formatMoney(price.total)}</dd>
      </div>
      <div className="tax">
        <dt>Includes VAT</dt>
        <dd>{formatMoney(price.tax)}</dd>
      </div>
    </dl>
  );
}
