import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { staffApi, unwrap } from '../api/client';
import type { Order, OrderStatus } from '../api/types';
import { formatMoney } from '../money';
import { STATUS_LABELS } from '../shop/OrderPage';
import { ErrorNote } from '../ui/ErrorNote';
import { Loading } from '../ui/Loading';
import { ShiftPanel } from './ShiftPanel';

const TABS: OrderStatus[] = [
  'PAID',
  'PICKING',
  'PACKED',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'FAILED_DELIVERY',
  'PENDING_PAYMENT',
  'CANCELLED',
];

/** What staff move an order on to, from where it is (picking itself is on the pick list). */
export const NEXT_STEP: Partial<Record<OrderStatus, { status: OrderStatus; label: string }>> = {
  PAID: { status: 'PICKING', label: 'Start picking' },
  OUT_FOR_DELIVERY: { status: 'DELIVERED', label: 'Mark delivered' },
};

export function StoreOrders({ storeId, storeName }: { storeId: string; storeName: string }) {
  const [status, setStatus] = useState<OrderStatus>('PAID');
  const orders = useQuery({
    queryKey: ['store-orders', storeId, status],
    queryFn: () =>
      unwrap(
        staffApi.GET('/api/v1/stores/{storeId}/orders', { params: { path: { storeId }, query: { status, size: 50 } } }),
      ),
    refetchInterval: 5000,
  });
  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">Orders at {storeName}</h1>
      <ShiftPanel storeId={storeId} />
      <div className="tabs" role="group" aria-label="Order status">
        {TABS.map((tab) => (
          <button
            key={tab}
            type="button"
            aria-pressed={tab === status}
            className={tab === status ? 'tab chosen' : 'tab'}
            onClick={() => setStatus(tab)}
          >
            {STATUS_LABELS[tab]}
          </button>
        ))}
      </div>
      <ErrorNote error={orders.error} retry={() => orders.refetch()} />
      {orders.isPending && <Loading what="Loading orders" />}
      {orders.data?.items?.length === 0 && <p>No orders here.</p>}
      <ul className="staff-orders">
        {orders.data?.items?.map((order) => (
          <StaffOrder key={order.id} order={order} storeId={storeId} />
        ))}
      </ul>
    </section>
  );
}

function StaffOrder({ order, storeId }: { order: Order; storeId: string }) {
  const client = useQueryClient();
  const next = NEXT_STEP[order.status as OrderStatus];
  const move = useMutation({
    mutationFn: (status: OrderStatus) =>
      unwrap(
        staffApi.POST('/api/v1/stores/{storeId}/orders/{orderId}/status', {
          params: { path: { storeId, orderId: order.id ?? '' } },
          body: { status },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['store-orders', storeId] }),
  });
  return (
    <li className="staff-order" data-order={order.id}>
      <div>
        <strong>{order.id?.slice(0, 8)}</strong> · {order.createdAt && new Date(order.createdAt).toLocaleTimeString()} ·{' '}
        {formatMoney(order.total)}
      </div>
      <ul className="pick-lines">
        {order.lines?.map((line) => (
          <li key={line.id ?? line.sku}>
            {line.quantity} × {line.name} <span className="muted">({line.sku})</span>
          </li>
        ))}
      </ul>
      {next && (
        <button type="button" className="primary" disabled={move.isPending} onClick={() => move.mutate(next.status)}>
          {next.label}
        </button>
      )}
      {(order.status === 'PICKING' || order.status === 'PAID') && (
        <Link href={`/pick/${order.id}`} className="button-link">
          Pick list
        </Link>
      )}
      <ErrorNote error={move.error} />
    </li>
  );
}
