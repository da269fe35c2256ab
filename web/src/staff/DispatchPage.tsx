import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { staffApi, unwrap } from '../api/client';
import type { Order, ReadyOrder } from '../api/types';
import { formatMoney } from '../money';
import { ErrorNote } from '../ui/ErrorNote';
import { Loading } from '../ui/Loading';

const time = (at?: string) => (at ? new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '–');

/**
 * The rider's screen (staff see it too): the packed orders ready to go, grouped into batches whose
 * drop-offs are close, to take out at once; and the orders out with the caller, each handed over
 * or not.
 */
export function DispatchPage({ storeId, storeName }: { storeId: string; storeName: string }) {
  const client = useQueryClient();
  const ready = useQuery({
    queryKey: ['dispatch', storeId],
    queryFn: () => unwrap(staffApi.GET('/api/v1/stores/{storeId}/dispatch', { params: { path: { storeId } } })),
    refetchInterval: 5000,
  });
  const mine = useQuery({
    queryKey: ['dispatch-mine', storeId],
    queryFn: () => unwrap(staffApi.GET('/api/v1/stores/{storeId}/dispatch/mine', { params: { path: { storeId } } })),
    refetchInterval: 5000,
  });
  const refresh = () => {
    client.invalidateQueries({ queryKey: ['dispatch', storeId] });
    client.invalidateQueries({ queryKey: ['dispatch-mine', storeId] });
  };
  const takeOut = useMutation({
    mutationFn: (orderIds: string[]) =>
      unwrap(staffApi.POST('/api/v1/stores/{storeId}/dispatch', { params: { path: { storeId } }, body: { orderIds } })),
    onSuccess: refresh,
  });
  const batches = ready.data?.batches ?? [];
  return (
    <section aria-labelledby="dispatch-title" className="dispatch">
      <h1 id="dispatch-title">Deliveries from {storeName}</h1>
      <h2>With you</h2>
      {mine.isPending && <Loading what="Loading your deliveries" />}
      <ErrorNote error={mine.error} retry={() => mine.refetch()} />
      {mine.data?.length === 0 && <p>Nothing out with you.</p>}
      <ul className="staff-orders">
        {mine.data?.map((order) => (
          <Delivery key={order.id} order={order} storeId={storeId} onDone={refresh} />
        ))}
      </ul>
      <h2>Ready to go</h2>
      {ready.isPending && <Loading what="Loading packed orders" />}
      <ErrorNote error={ready.error ?? takeOut.error} retry={() => ready.refetch()} />
      {batches.length === 0 && !ready.isPending && <p>No packed order is waiting.</p>}
      <ul className="staff-orders">
        {batches.map((batch) => (
          <li key={batch[0]?.orderId} className="staff-order batch" data-orders={batch.map((o) => o.orderId).join(' ')}>
            <ul className="pick-lines">
              {batch.map((order: ReadyOrder) => (
                <li key={order.orderId}>
                  <strong>{order.orderId?.slice(0, 8)}</strong> · {order.units} items · by {time(order.promisedAt)}
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="primary"
              disabled={takeOut.isPending}
              onClick={() => takeOut.mutate(batch.map((o) => o.orderId ?? ''))}
            >
              {batch.length > 1 ? `Take these ${batch.length} out` : 'Take it out'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Delivery({ order, storeId, onDone }: { order: Order; storeId: string; onDone: () => void }) {
  const path = { storeId, orderId: order.id ?? '' };
  const handOver = useMutation({
    mutationFn: (delivered: boolean) =>
      unwrap(
        delivered
          ? staffApi.POST('/api/v1/stores/{storeId}/dispatch/{orderId}/delivered', { params: { path } })
          : staffApi.POST('/api/v1/stores/{storeId}/dispatch/{orderId}/not-delivered', { params: { path } }),
      ),
    onSuccess: onDone,
  });
  return (
    <li className="staff-order" data-order={order.id}>
      <div>
        <strong>{order.id?.slice(0, 8)}</strong> · {formatMoney(order.total)} · by {time(order.promisedAt)}
      </div>
      <div className="inline-form">
        <button type="button" className="primary" disabled={handOver.isPending} onClick={() => handOver.mutate(true)}>
          Delivered
        </button>
        <button
          type="button"
          className="secondary"
          disabled={handOver.isPending}
          onClick={() =>
            window.confirm('Nobody took it? It goes back to the store and is refunded.') && handOver.mutate(false)
          }
        >
          Couldn’t deliver
        </button>
      </div>
      <ErrorNote error={handOver.error} />
    </li>
  );
}
