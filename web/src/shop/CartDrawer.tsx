import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError, type ShortLine } from '../api/problem';
import type { Cart, CartLine, Substitution } from '../api/types';
import { formatMoney } from '../money';
import { ErrorNote } from '../ui/ErrorNote';
import { delivery } from './delivery';
import { PriceBreakdown } from './PriceBreakdown';
import { useCart, useCartChanges, useCheckout } from './queries';

/** The cart as a panel over the page: lines, voucher, price, checkout. */
export function CartDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const cart = useCart();
  const closeButton = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  // on opening: focus into the panel, Escape closes, Tab stays inside; on closing: focus goes back
  useEffect(() => {
    if (!open) {
      return;
    }
    const opener = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        close.current();
      } else if (event.key === 'Tab' && panel.current) {
        const focusable = panel.current.querySelectorAll<HTMLElement>('button:not([disabled]), input, select, a[href]');
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last?.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first?.focus();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      opener?.focus();
    };
  }, [open]);
  if (!open) {
    return null;
  }
  return (
    <div className="drawer-backdrop" onClick={onClose}>
      <aside
        className="drawer"
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby="cart-title"
        onClick={(event) => event.stopPropagation()}
      >
        <header className="drawer-header">
          <h2 id="cart-title">Your cart</h2>
          <button type="button" ref={closeButton} className="icon" onClick={onClose} aria-label="Close the cart">
            ✕
          </button>
        </header>
        {cart.isPending && <p role="status">Loading your cart…</p>}
        <ErrorNote error={cart.error} retry={() => cart.refetch()} />
        {cart.data && <CartContents cart={cart.data} onClose={onClose} />}
      </aside>
    </div>
  );
}

export function CartContents({ cart, onClose }: { cart: Cart; onClose: () => void }) {
  const lines = cart.lines ?? [];
  const changes = useCartChanges();
  const checkout = useCheckout();
  const [, navigate] = useLocation();
  const [shortLines, setShortLines] = useState<ShortLine[]>([]);
  const point = delivery.use();

  const placeOrder = () => {
    setShortLines([]);
    checkout.mutate(point ? { lat: point.lat, lon: point.lon } : undefined, {
      onSuccess: (order) => {
        onClose();
        navigate(`/orders/${order.id}`);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.kind === 'insufficient-stock') {
          setShortLines(error.problem.shortLines ?? []);
        }
      },
    });
  };

  if (lines.length === 0) {
    return <p className="empty">Your cart is empty. Search for something good.</p>;
  }
  const changeError = changes.setQuantity.error;
  return (
    <>
      {shortLines.length > 0 && (
        <ShortLines
          lines={shortLines}
          cart={cart}
          reduce={(sku, quantity) => {
            changes.setQuantity.mutate(
              { sku, quantity },
              { onSuccess: () => setShortLines((left) => left.filter((line) => line.sku !== sku)) },
            );
          }}
        />
      )}
      <ul className="cart-lines">
        {lines.map((line) => (
          <CartLineRow
            key={line.sku}
            line={line}
            setQuantity={(quantity) => changes.setQuantity.mutate({ sku: line.sku!, quantity })}
            setSubstitution={(substitution) =>
              changes.setQuantity.mutate({ sku: line.sku!, quantity: line.quantity ?? 1, substitution })
            }
            busy={changes.setQuantity.isPending}
          />
        ))}
      </ul>
      {changeError && <ErrorNote error={changeError} />}
      <VoucherField cart={cart} />
      <PriceBreakdown price={cart.price} />
      <ErrorNote
        error={
          checkout.error instanceof ApiError && checkout.error.kind === 'insufficient-stock' ? null : checkout.error
        }
      />
      <button
        type="button"
        className="primary wide"
        onClick={placeOrder}
        disabled={checkout.isPending || lines.some((line) => !line.sold)}
      >
        {checkout.isPending ? 'Placing your order…' : `Check out · ${formatMoney(cart.price?.total ?? cart.total)}`}
      </button>
    </>
  );
}

function CartLineRow({
  line,
  setQuantity,
  setSubstitution,
  busy,
}: {
  line: CartLine;
  setQuantity: (quantity: number) => void;
  setSubstitution: (substitution: Substitution) => void;
  busy: boolean;
}) {
  const quantity = line.quantity ?? 0;
  const name = line.name ?? line.sku;
  return (
    <li className="cart-line" data-sku={line.sku}>
      {line.imageUrl && <img src={line.imageUrl} alt="" width={48} height={48} />}
      <div className="cart-line-text">
        <span className="name">{name}</span>
        {line.sold === false ? (
          <span className="warning">No longer sold here: please remove it</span>
        ) : (
          <span className="muted">{formatMoney(line.unitPrice)} each</span>
        )}
        <label className="substitution small">
          If it’s out:{' '}
          <select
            value={line.substitution?.preference === 'REFUND' ? 'REFUND' : 'BEST_MATCH'}
            disabled={busy}
            onChange={(event) => setSubstitution({ preference: event.target.value as 'BEST_MATCH' | 'REFUND' })}
          >
            <option value="BEST_MATCH">the best match</option>
            <option value="REFUND">refund me</option>
          </select>
        </label>
      </div>
      <div className="stepper" role="group" aria-label={`Quantity of ${name}`}>
        <button type="button" onClick={() => setQuantity(quantity - 1)} disabled={busy} aria-label={`One ${name} less`}>
          −
        </button>
        <output aria-live="polite">{quantity}</output>
        <button type="button" onClick={() => setQuantity(quantity + 1)} disabled={busy} aria-label={`One ${name} more`}>
          +
        </button>
      </div>
      <span className="line-total">{formatMoney(line.lineTotal)}</span>
      <button type="button" className="link" onClick={() => setQuantity(0)} aria-label={`Remove ${name}`}>
        Remove
      </button>
    </li>
  );
}

/** The lines checkout couldn't fill, each with the way out: fewer units, or none. */
export function ShortLines({
  lines,
  cart,
  reduce,
}: {
  lines: ShortLine[];
  cart: Cart;
  reduce: (sku: string, quantity: number) => void;
}) {
  const nameOf = (sku: string) => cart.lines?.find((line) => line.sku === sku)?.name ?? sku;
  return (
    <div className="short-lines" role="alert">
      <p>
        <strong>Some items just ran low.</strong> Nothing was reserved or charged. Change these and check out again:
      </p>
      <ul>
        {lines.map((line) => (
          <li key={line.sku}>
            <span>
              {nameOf(line.sku)}:{' '}
              {line.available > 0 ? `only ${line.available} left (you wanted ${line.requested})` : 'sold out'}
            </span>
            <button type="button" className="secondary" onClick={() => reduce(line.sku, line.available)}>
              {line.available > 0 ? `Reduce to ${line.available}` : 'Remove it'}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function VoucherField({ cart }: { cart: Cart }) {
  const changes = useCartChanges();
  const [code, setCode] = useState('');
  const verdict = cart.voucher;
  if (verdict?.code) {
    return (
      <div className="voucher" aria-live="polite">
        <span>
          Voucher <strong>{verdict.code}</strong>:{' '}
          {verdict.applied ? (
            `you save ${formatMoney(verdict.saving)}`
          ) : (
            <span className="warning">{verdict.reason ?? 'doesn’t apply'}</span>
          )}
        </span>
        <button type="button" className="link" onClick={() => changes.dropVoucher.mutate()}>
          Remove voucher
        </button>
      </div>
    );
  }
  return (
    <form
      className="voucher"
      onSubmit={(event) => {
        event.preventDefault();
        if (code.trim()) {
          changes.useVoucher.mutate(code.trim(), { onSuccess: () => setCode('') });
        }
      }}
    >
      <label htmlFor="voucher-code">Voucher</label>
      <input id="voucher-code" value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" />
      <button type="submit" className="secondary" disabled={changes.useVoucher.isPending}>
        Apply
      </button>
      <ErrorNote error={changes.useVoucher.error} notFound="There’s no voucher with that code." />
    </form>
  );
}
