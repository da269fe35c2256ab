import { Link, useLocation } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import type { OrderStatus } from '../api/types';
import { saveSession, useSession } from '../api/session';
import { formatMoney } from '../money';
import { ErrorNote } from '../ui/ErrorNote';
import { Loading } from '../ui/Loading';
import { STATUS_LABELS } from './OrderPage';
import { useOrders, useProfile } from './queries';

export function AccountPage() {
  const session = useSession('shop');
  const profile = useProfile();
  const orders = useOrders();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  if (!session) {
    return (
      <p>
        <Link href="/signin?next=/account">Sign in</Link> to see your orders.
      </p>
    );
  }
  return (
    <div className="account">
      <h1>Your account</h1>
      <p>
        {profile.data?.name} ({session.email}){' '}
        <button
          type="button"
          className="link"
          onClick={() => {
            saveSession('shop', null);
            client.clear();
            navigate('/');
          }}
        >
          Sign out
        </button>
      </p>
      <h2>Your orders</h2>
      <ErrorNote error={orders.error} retry={() => orders.refetch()} />
      {orders.isPending && <Loading what="Loading your orders" />}
      {orders.data?.items?.length === 0 && <p>No orders yet.</p>}
      <ul className="order-list">
        {orders.data?.items?.map((order) => (
          <li key={order.id}>
            <Link href={`/orders/${order.id}`}>
              {order.createdAt && new Date(order.createdAt).toLocaleString()} · {order.lines?.length} items ·{' '}
              {formatMoney(order.total)}
            </Link>{' '}
            <span className="badge">{STATUS_LABELS[order.status as OrderStatus]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
