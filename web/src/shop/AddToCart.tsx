import { useLocation } from 'wouter';
import { useSession } from '../api/session';
import { ErrorNote } from '../ui/ErrorNote';
import { useCart, useCartChanges } from './queries';

/** Live availability at the chosen store, as a shopper reads it. */
export function Availability({ available }: { available: number | undefined }) {
  if (available === undefined) {
    return null;
  }
  if (available <= 0) {
    return <span className="stock out">Sold out</span>;
  }
  if (available <= 5) {
    return <span className="stock low">{available} left</span>;
  }
  return <span className="stock in">In stock</span>;
}

/** Adds a unit to the cart (signing in first if needed); shows how many are in it already. */
export function AddToCart({ sku, name, available }: { sku: string; name: string; available?: number }) {
  const session = useSession('shop');
  const cart = useCart();
  const { setQuantity } = useCartChanges();
  const [location, navigate] = useLocation();
  const inCart = cart.data?.lines?.find((line) => line.sku === sku)?.quantity ?? 0;
  const soldOut = available !== undefined && available <= 0;
  const add = () => {
    if (!session) {
      navigate(`/signin?next=${encodeURIComponent(location)}`);
      return;
    }
    setQuantity.mutate({ sku, quantity: inCart + 1 });
  };
  return (
    <div className="add-to-cart">
      <button type="button" className="primary" onClick={add} disabled={soldOut || setQuantity.isPending}>
        {soldOut ? 'Sold out' : inCart > 0 ? `Add one more (${inCart} in cart)` : 'Add to cart'}
        <span className="visually-hidden">: {name}</span>
      </button>
      <ErrorNote error={setQuantity.error} />
    </div>
  );
}
