import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { shopApi, unwrap } from '../api/client';
import type { Order, OrderStatus } from '../api/types';
import { formatMoney } from '../money';
import { ErrorNote } from '../ui/ErrorNote';
import { Loading } from '../ui/Loading';
import { PaymentPanel } from './PaymentPanel';
import { startedPayments } from './payment';
import { PriceBreakdown } from './PriceBreakdown';
import { ReviewForm } from './ProductPage';
import { useOrder } from './queries';
import { useOrderEvents } from './tracking';

export const STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING_PAYMENT: 'Waiting for payment',
  PAID: 'Paid',
  PICKING: 'Being picked',
  PACKED: 'Packed, waiting for a rider',
  OUT_FOR_DELIVERY: 'Out for delivery',
  DELIVERED: 'Delivered',
  FAILED_DELIVERY: 'Couldn’t be delivered',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired (not paid in time)',
  REFUNDED: 'Refunded',
};

const JOURNEY: OrderStatus[] = ['PAID', 'PICKING', 'PACKED', 'OUT_FOR_DELIVERY', 'DELIVERED'];
const ENDED: OrderStatus[] = ['DELIVERED', 'FAILED_DELIVERY', 'CANCELLED', 'EXPIRED', 'REFUNDED'];

export function OrderPage({ orderId }: { orderId: string }) {
  const order = useOrder(orderId);
  const { events, connected } = useOrderEvents(orderId);
  if (order.isPending) {
    return <Loading what="Loading your order" />;
  }
  if (!order.data) {
    return <ErrorNote error={order.error} retry={() => order.refetch()} notFound="We couldn’t find this order." />;
  }
  const o = order.data;
  const status = (o.status ?? 'PENDING_PAYMENT') as OrderStatus;
  const payment = useMemo(() => startedPayments.read(orderId), [orderId]);
  return (
    <article className="order-page">
      <h1>Order {orderId.slice(0, 8)}</h1>
      <p className="order-status" data-status={status} role="status" aria-live="polite">
        {STATUS_LABELS[status]}
      </p>
      {o.rider && status === 'OUT_FOR_DELIVERY' && <p className="rider">On its way with {o.rider}</p>}
      {o.promisedAt && !ENDED.includes(status) && (
        <p className="promise">
          Arriving by{' '}
          <time dateTime={o.promisedAt}>
            {new Date(o.promisedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
          </time>
        </p>
      )}
      <Journey status={status} />
      {status === 'PENDING_PAYMENT' && payment && <PaymentPanel payment={payment} />}
      {status === 'PENDING_PAYMENT' && !payment && (
        <p className="note">
          This order’s payment was started in another window or on another device: pay it there, or cancel it here and
          check out again.
        </p>
      )}
      {status === 'PENDING_PAYMENT' && o.expiresAt && (
        <p className="muted small">Your items are reserved until {new Date(o.expiresAt).toLocaleTimeString()}.</p>
      )}
      <CancelButton order={o} />
      <h2>Items</h2>
      <ul className="order-lines">
        {o.lines?.map((line) => (
          <li key={line.id ?? line.sku}>
            <span>
              {line.quantity} × {line.name ?? line.sku}
            </span>
            <span>{formatMoney(line.lineTotal)}</span>
            {line.picked != null && line.picked < (line.quantity ?? 0) && (
              <span className="substituted" data-sku={line.sku}>
                {line.picked} of {line.quantity} found;{' '}
                {line.replacement
                  ? `replaced by ${line.replacement.quantity} × ${line.replacement.name}`
                  : 'the rest is refunded'}
              </span>
            )}
            {status === 'DELIVERED' && line.sku && <ReviewToggle sku={line.sku} name={line.name ?? line.sku} />}
          </li>
        ))}
      </ul>
      <PriceBreakdown price={o.price} />
      {o.credit && (o.credit.amount ?? 0) > 0 && (
        <p className="credit">For items we couldn’t bring: {formatMoney(o.credit)} back</p>
      )}
      {o.refunded && (o.refunded.amount ?? 0) > 0 && <p>Refunded: {formatMoney(o.refunded)}</p>}
      <h2>Timeline</h2>
      <p className="muted small">{connected ? 'Following live' : 'Reconnecting…'}</p>
      <ol className="timeline">
        {(events.length ? events : (o.timeline ?? [])).map((event) => (
          <li key={event.seq}>
            <time dateTime={event.at}>{event.at && new Date(event.at).toLocaleTimeString()}</time>{' '}
            {event.type?.replaceAll('_', ' ').toLowerCase()}
            {event.note && <span className="muted"> – {event.note}</span>}
          </li>
        ))}
      </ol>
    </article>
  );
}

function Journey({ status }: { status: OrderStatus }) {
  const reached = JOURNEY.indexOf(status);
  if (reached < 0) {
    return null;
  }
  return (
    <ol className="journey" aria-label="Progress">
      {JOURNEY.map((step, index) => (
        <li key={step} className={index <= reached ? 'done' : ''} aria-current={index === reached ? 'step' : undefined}>
          {STATUS_LABELS[step]}
        </li>
      ))}
    </ol>
  );
}

function CancelButton({ order }: { order: Order }) {
  const client = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => unwrap(shopApi.POST('/api/v1/orders/{id}/cancel', { params: { path: { id: order.id ?? '' } } })),
    onSuccess: (cancelled) => client.setQueryData(['order', order.id], cancelled),
  });
  if (order.status !== 'PENDING_PAYMENT' && order.status !== 'PAID') {
    return null;
  }
  return (
    <div>
      <button
        type="button"
        className="secondary"
        disabled={cancel.isPending}
        onClick={() => window.confirm('Cancel this order? A payment is refunded.') && cancel.mutate()}
      >
        Cancel order
      </button>
      <ErrorNote error={cancel.error} />
    </div>
  );
}

function ReviewToggle({ sku, name }: { sku: string; name: string }) {
  const [open, setOpen] = useState(false);
  return open ? (
    <ReviewForm sku={sku} name={name} />
  ) : (
    <button type="button" className="link" onClick={() => setOpen(true)}>
      Write a review
    </button>
  );
}
