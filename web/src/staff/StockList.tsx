import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { idempotencyKey, staffApi, unwrap } from '../api/client';
import type { AdjustmentReason, StockLevel } from '../api/types';
import { ErrorNote } from '../ui/ErrorNote';
import { Loading } from '../ui/Loading';

export const REASONS: { reason: AdjustmentReason; label: string; sign: 1 | -1 }[] = [
  { reason: 'DELIVERY', label: 'Delivery received', sign: 1 },
  { reason: 'CUSTOMER_RETURN', label: 'Customer return', sign: 1 },
  { reason: 'DAMAGED', label: 'Damaged', sign: -1 },
  { reason: 'EXPIRED', label: 'Expired', sign: -1 },
  { reason: 'LOST', label: 'Lost', sign: -1 },
];

export function StockList({ storeId, storeName }: { storeId: string; storeName: string }) {
  const [prefix, setPrefix] = useState('');
  const stock = useQuery({
    queryKey: ['stock', storeId, prefix],
    queryFn: () =>
      unwrap(
        staffApi.GET('/api/v1/stores/{storeId}/stock', {
          params: { path: { storeId }, query: { sku: prefix.trim().toUpperCase() || undefined, size: 50 } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="stock-title">
      <h1 id="stock-title">Stock at {storeName}</h1>
      <label className="stock-search">
        Find by SKU{' '}
        <input value={prefix} onChange={(event) => setPrefix(event.target.value)} placeholder="e.g. DAI-000" />
      </label>
      <ErrorNote error={stock.error} retry={() => stock.refetch()} />
      {stock.isPending && <Loading what="Loading stock" />}
      {stock.data && (
        <p className="muted" aria-live="polite">
          {stock.data.total} SKUs
        </p>
      )}
      <table className="stock-table">
        <thead>
          <tr>
            <th scope="col">SKU</th>
            <th scope="col">On hand</th>
            <th scope="col">Reserved</th>
            <th scope="col">Available</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {stock.data?.items?.map((level) => (
            <StockRow key={level.sku} level={level} storeId={storeId} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function StockRow({ level, storeId }: { level: StockLevel; storeId: string }) {
  const client = useQueryClient();
  const sku = level.sku ?? '';
  const [mode, setMode] = useState<'none' | 'adjust' | 'count'>('none');
  const [units, setUnits] = useState('');
  const [reason, setReason] = useState<AdjustmentReason>('DELIVERY');
  // a count is of the stock as it was when counting began: the list may refresh meanwhile
  const [countedVersion, setCountedVersion] = useState<number>(0);
  const done = () => {
    setMode('none');
    setUnits('');
    client.invalidateQueries({ queryKey: ['stock', storeId] });
  };
  const adjust = useMutation({
    // the key is made once per change, so the automatic retries of a 503 don't count it twice
    mutationFn: ({ delta, key }: { delta: number; key: string }) =>
      unwrap(
        staffApi.POST('/api/v1/stores/{storeId}/stock/{sku}/adjustments', {
          params: { path: { storeId, sku }, header: { 'Idempotency-Key': key } },
          body: { delta, reason },
        }),
      ),
    onSuccess: done,
  });
  const count = useMutation({
    mutationFn: (onHand: number) =>
      unwrap(
        staffApi.PUT('/api/v1/stores/{storeId}/stock/{sku}', {
          params: { path: { storeId, sku } },
          body: { onHand, expectedVersion: countedVersion },
        }),
      ),
    onSuccess: done,
  });
  const sign = REASONS.find((r) => r.reason === reason)?.sign ?? 1;
  return (
    <tr data-sku={sku}>
      <th scope="row">{sku}</th>
      <td>{level.onHand}</td>
      <td>{level.reserved}</td>
      <td>{level.available}</td>
      <td>
        {mode === 'none' && (
          <>
            <button type="button" className="secondary" onClick={() => setMode('adjust')}>
              Receive / write off
            </button>{' '}
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setCountedVersion(level.onHandVersion ?? 0);
                setMode('count');
              }}
            >
              Count
            </button>
          </>
        )}
        {mode === 'adjust' && (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              adjust.mutate({ delta: sign * Number(units), key: idempotencyKey() });
            }}
          >
            <label>
              Reason{' '}
              <select value={reason} onChange={(event) => setReason(event.target.value as AdjustmentReason)}>
                {REASONS.map((r) => (
                  <option key={r.reason} value={r.reason}>
                    {r.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Units <input type="number" min={1} required value={units} onChange={(e) => setUnits(e.target.value)} />
            </label>
            <button type="submit" className="primary" disabled={adjust.isPending}>
              {sign > 0 ? 'Add' : 'Write off'}
            </button>
            <button type="button" className="link" onClick={() => setMode('none')}>
              Cancel
            </button>
            <ErrorNote error={adjust.error} />
          </form>
        )}
        {mode === 'count' && (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              count.mutate(Number(units));
            }}
          >
            <label>
              Counted on the shelf{' '}
              <input type="number" min={0} required value={units} onChange={(e) => setUnits(e.target.value)} />
            </label>
            <button type="submit" className="primary" disabled={count.isPending}>
              Save count
            </button>
            <button type="button" className="link" onClick={() => setMode('none')}>
              Cancel
            </button>
            <ErrorNote error={count.error} />
          </form>
        )}
      </td>
    </tr>
  );
}
