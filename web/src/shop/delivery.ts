// Where the shopper wants their order: a demo address or a point they type, and the dark store that
// delivers there (the nearest one whose delivery area holds the point).
import { stored } from '../stored';
import { shopApi, unwrap } from '../api/client';
import { ApiError } from '../api/problem';

export type DeliveryPoint = {
  label: string;
  lat: number;
  lon: number;
  storeId: string;
  storeName: string;
  distanceKm: number;
  /** Minutes the store promised for a typical basket when the point was chosen. */
  promiseMinutes?: number;
};

/** A few addresses in Berlin for the demo (there is no geocoder: these carry their coordinates). */
export const DEMO_ADDRESSES = [
  { label: 'Alexanderplatz 1, 10178 Berlin-Mitte', lat: 52.5219, lon: 13.4132 },
  { label: 'Oranienstraße 25, 10999 Berlin-Kreuzberg', lat: 52.501, lon: 13.419 },
  { label: 'Kastanienallee 10, 10435 Berlin-Prenzlauer Berg', lat: 52.538, lon: 13.41 },
  { label: 'Am Kanal 1, 14467 Potsdam', lat: 52.3956, lon: 13.0597 },
] as const;

export const delivery = stored<DeliveryPoint>('commerce.delivery');

/** No store delivers to the point now (outside every area, or every store there at capacity). */
export class NoStoreDelivers extends Error {}

/**
 * The nearest store that delivers to the point and can keep a promise now, with that promise (for a
 * typical basket); NoStoreDelivers when there is none.
 */
export async function storeFor(label: string, lat: number, lon: number): Promise<DeliveryPoint> {
  try {
    const nearest = await unwrap(shopApi.GET('/api/v1/stores/nearest', { params: { query: { lat, lon } } }));
    const store = nearest.store;
    return {
      label,
      lat,
      lon,
      storeId: store?.id ?? '',
      storeName: store?.name ?? '',
      distanceKm: store?.distanceKm ?? 0,
      promiseMinutes: nearest.promise?.minutes,
    };
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'no-store-delivers') {
      throw new NoStoreDelivers(
        error.problem.detail?.startsWith('every store')
          ? 'Every store that delivers there is at capacity right now. Please try again in a few minutes.'
          : 'None of our stores delivers there yet. Try another address.',
      );
    }
    throw error;
  }
}
