import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ErrorNote } from '../ui/ErrorNote';
import { DEMO_ADDRESSES, NoStoreDelivers, delivery, storeFor } from './delivery';

/**
 * Where to deliver: one of the demo addresses, or a point typed as latitude and longitude. The
 * nearest dark store that delivers there is chosen and shown.
 */
export function DeliveryPicker({ onChosen }: { onChosen?: () => void }) {
  const point = delivery.use();
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const choose = useMutation({
    mutationFn: ({ label, lat, lon }: { label: string; lat: number; lon: number }) => storeFor(label, lat, lon),
    onSuccess: (chosen) => {
      delivery.set(chosen);
      onChosen?.();
    },
  });
  return (
    <section className="delivery-picker" aria-labelledby="delivery-title">
      <h2 id="delivery-title">Where should we deliver?</h2>
      {point && (
        <p className="chosen-store" role="status">
          Delivering to <strong>{point.label}</strong> from <strong>{point.storeName}</strong> ({point.distanceKm} km
          away)
          {point.promiseMinutes !== undefined && (
            <>
              , in about <strong>{point.promiseMinutes} minutes</strong>
            </>
          )}
          .
        </p>
      )}
      <ul className="addresses">
        {DEMO_ADDRESSES.map((address) => (
          <li key={address.label}>
            <button
              type="button"
              className={point?.label === address.label ? 'address chosen' : 'address'}
              aria-pressed={point?.label === address.label}
              onClick={() => choose.mutate(address)}
            >
              {address.label}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="point-form"
        onSubmit={(event) => {
          event.preventDefault();
          choose.mutate({ label: `${lat}, ${lon}`, lat: Number(lat), lon: Number(lon) });
        }}
      >
        <label>
          Latitude
          <input
            inputMode="decimal"
            value={lat}
            onChange={(e) => setLat(e.target.value)}
            required
            pattern="-?\d+(\.\d+)?"
          />
        </label>
        <label>
          Longitude
          <input
            inputMode="decimal"
            value={lon}
            onChange={(e) => setLon(e.target.value)}
            required
            pattern="-?\d+(\.\d+)?"
          />
        </label>
        <button type="submit" className="secondary">
          Use this point
        </button>
      </form>
      {choose.error instanceof NoStoreDelivers ? (
        <p className="error-note" role="alert">
          {choose.error.message}
        </p>
      ) : (
        <ErrorNote error={choose.error} />
      )}
    </section>
  );
}
