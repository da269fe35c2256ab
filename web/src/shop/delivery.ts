// Where the shopper wants their order: a demo address or a point they type, and the dark store that
// delivers there (the nearest one whose delivery area holds the point).
import { stored } from '../stored';
import { shopApi, unwrap } from '../api/client';
import type { Store } from '../api/types';

export type DeliveryPoint = {
  label: string;
  lat: number;
  lon: number;
  storeId: string;
  storeName: string;
  distanceKm: number;
};

/** A few addresses in Berlin for the demo (there is no geocoder: these carry their coordinates). */
export const DEMO_ADDRESSES = [
  { label: 'Alexanderplatz 1, 10178 Berlin-Mitte', lat: 52.5219, lon: 13.4132 },
  { label: 'Oranienstraße 25, 10999 Berlin-Kreuzberg', lat: 52.501, lon: 13.419 },
  { label: 'Kastanienallee 10, 10435 Berlin-Prenzlauer Berg', lat: 52.538, lon: 13.41 },
  { label: 'Am Kanal 1, 14467 Potsdam', lat: 52.3956, lon: 13.0597 },
] as const;

export const delivery = stored<DeliveryPoint>('commerce.delivery');

export class NoStoreDelivers extends Error {
  readonly nearest?: Store;
  constructor(nearest?: Store) {
    super(
      nearest
        ? `None of our stores delivers there yet: the nearest, ${nearest.name}, is ${nearest.distanceKm} km away and delivers within ${nearest.deliveryRadiusKm} km.`
        : 'None of our stores delivers there yet.',
    );
    this.nearest = nearest;
  }
}

/** The nearest store that delivers to the point; NoStoreDelivers when none does. */
export async function storeFor(label: string, lat: number, lon: number): Promise<DeliveryPoint> {
  const stores = await unwrap(shopApi.GET('/api/v1/stores', { params: { query: { near: `${lat},${lon}` } } }));
  const store = stores.find((s) => s.delivers);
  if (!store?.id || !store.name) {
    throw new NoStoreDelivers(stores[0]);
  }
  return { label, lat, lon, storeId: store.id, storeName: store.name, distanceKm: store.distanceKm ?? 0 };
}
