import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { staffApi, unwrap } from '../api/client';
import type { PickItem } from '../api/types';
import { ErrorNote } from '../ui/ErrorNote';
import { Loading } from '../ui/Loading';
import { substitutionLabel } from '../shop/substitution';

/**
 * One order's pick list, in walking order of the store's shelves, made for a phone: each line is
 * confirmed by scanning (or typing) its sku, or reported short with the units found; the shopper's
 * substitution choice is applied by the store. Packed once every line is done.
 */
export function PickListPage({ storeId, orderId }: { storeId: string; orderId: string }) {
  const client = useQueryClient();
  const key = ['pick-list', storeId, orderId];
  const list = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(
        staffApi.GET('/api/v1/stores/{storeId}/orders/{orderId}/pick-list', { params: { path: { storeId, orderId } } }),
      ),
  });
  const pack = useMutation({
    mutationFn: () =>
      unwrap(
        staffApi.POST('/api/v1/stores/{storeId}/orders/{orderId}/packed', { params: { path: { storeId, orderId } } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  if (list.isPending) {
    return <Loading what="Loading the pick list" />;
  }
  if (!list.data) {
    return <ErrorNote error={list.error} retry={() => list.refetch()} notFound="No order to pick with this id." />;
  }
  const items = list.data.items ?? [];
  const done = items.filter((item) => item.picked != null).length;
  const status = list.data.status;
  return (
    <section aria-labelledby="pick-title" className="pick-list">
      <p>
        <Link href="/">← Orders</Link>
      </p>
      <h1 id="pick-title">Pick order {orderId.slice(0, 8)}</h1>
      <p role="status" aria-live="polite" className="pick-progress">
        {status === 'PICKING' ? `${done} of ${items.length} lines picked` : `Order is ${status?.toLowerCase()}`}
        {list.data.promisedAt &&
          ` · promised by ${new Date(list.data.promisedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`}
      </p>
      <ol className="pick-items">
        {items.map((item) => (
          <PickRow
            key={item.lineId}
            item={item}
            storeId={storeId}
            orderId={orderId}
            picking={status === 'PICKING'}
            onDone={() => client.invalidateQueries({ queryKey: key })}
          />
        ))}
      </ol>
      {status === 'PICKING' && (
        <button type="button" className="primary" disabled={pack.isPending} onClick={() => pack.mutate()}>
          {done === items.length ? 'Packed' : `Packed (the ${items.length - done} unconfirmed lines in full)`}
        </button>
      )}
      <ErrorNote error={pack.error} />
    </section>
  );
}

function PickRow({
  item,
  storeId,
  orderId,
  picking,
  onDone,
}: {
  item: PickItem;
  storeId: string;
  orderId: string;
  picking: boolean;
  onDone: () => void;
}) {
  const [scanned, setScanned] = useState('');
  const [found, setFound] = useState(0);
  const [reporting, setReporting] = useState(false);
  const path = { storeId, orderId, lineId: item.lineId ?? '' };
  const confirm = useMutation({
    mutationFn: () =>
      unwrap(
        staffApi.POST('/api/v1/stores/{storeId}/orders/{orderId}/lines/{lineId}/picked', {
          params: { path },
          body: { sku: scanned.trim().toUpperCase(), quantity: item.quantity ?? 0 },
        }),
      ),
    onSuccess: onDone,
  });
  const report = useMutation({
    mutationFn: () =>
      unwrap(
        staffApi.POST('/api/v1/stores/{storeId}/orders/{orderId}/lines/{lineId}/short', {
          params: { path },
          body: { found },
        }),
      ),
    onSuccess: onDone,
  });
  const name = item.name ?? item.sku;
  return (
    <li className="pick-item" data-sku={item.sku}>
      <div className="pick-where">
        <span className="location">{item.location ?? 'no shelf'}</span>
        <span>
          <strong>
            {item.quantity} × {name}
          </strong>{' '}
          <span className="muted">({item.sku})</span>
        </span>
      </div>
      <p className="muted small">If short: {substitutionLabel(item.substitution)}</p>
      {item.picked != null ? (
        <p className="picked">
          {item.picked === item.quantity
            ? '✓ Picked'
            : `${item.picked} found; ${
                item.replacement
                  ? `replaced by ${item.replacement.quantity} × ${item.replacement.name}`
                  : 'the rest refunded'
              }`}
        </p>
      ) : (
        picking && (
          <>
            <form
              className="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                confirm.mutate();
              }}
            >
              <label>
                Scan {name}
                <input
                  value={scanned}
                  onChange={(event) => setScanned(event.target.value)}
                  autoCapitalize="characters"
                  required
                  className="scan"
                />
              </label>
              <button type="submit" className="primary" disabled={confirm.isPending}>
                Picked {item.quantity}
              </button>
              <button type="button" className="secondary" onClick={() => setReporting((open) => !open)}>
                Short
              </button>
            </form>
            {reporting && (
              <form
                className="inline-form"
                onSubmit={(event) => {
                  event.preventDefault();
                  report.mutate();
                }}
              >
                <label>
                  Units found of {name}
                  <input
                    type="number"
                    min={0}
                    max={(item.quantity ?? 1) - 1}
                    value={found}
                    onChange={(event) => setFound(Number(event.target.value))}
                  />
                </label>
                <button type="submit" className="primary" disabled={report.isPending}>
                  Report short
                </button>
              </form>
            )}
          </>
        )
      )}
      <ErrorNote error={confirm.error ?? report.error} />
    </li>
  );
}
