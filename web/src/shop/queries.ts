// The shop's server state, through TanStack Query: what is read is cached and shared between
// components; what changes the cart writes the API's answer back into the cache.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { idempotencyKey, shopApi, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import type { Cart, Order, Substitution } from '../api/types';
import { useSession } from '../api/session';
import { startedPayments } from './payment';

export type SearchParams = {
  q?: string;
  category?: string;
  brand?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  sort?: string;
  page?: number;
};

export const PAGE_SIZE = 12;

/** The search page's query; the search box prefetches it while the shopper types. */
export function searchQuery(params: SearchParams, store: string | undefined) {
  return {
    queryKey: ['search', params, store],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      unwrap(
        shopApi.GET('/api/v1/products', {
          params: {
            query: {
              ...params,
              inStock: store ? params.inStock : undefined,
              store,
              size: PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    staleTime: 10_000,
  };
}

export function useSearch(params: SearchParams, store: string | undefined) {
  // availability is live data: read again every 15 s while the results are on screen
  return useQuery({ ...searchQuery(params, store), placeholderData: keepPreviousData, refetchInterval: 15_000 });
}

export function useSuggestions(prefix: string) {
  const typed = prefix.trim();
  return useQuery({
    queryKey: ['suggest', typed],
    queryFn: ({ signal }) =>
      unwrap(shopApi.GET('/api/v1/products/suggest', { params: { query: { prefix: typed, size: 8 } }, signal })),
    enabled: typed.length >= 2,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: ['categories'],
    queryFn: async () => {
      const all = await unwrap(shopApi.GET('/api/v1/products', { params: { query: { size: 1 } } }));
      return all.facets?.category ?? [];
    },
    staleTime: 5 * 60_000,
  });
}

export function useProduct(sku: string, store: string | undefined) {
  return useQuery({
    queryKey: ['product', sku, store],
    queryFn: () => unwrap(shopApi.GET('/api/v1/products/{sku}', { params: { path: { sku }, query: { store } } })),
    refetchInterval: 10_000, // live availability
  });
}

export function useReviews(sku: string) {
  return useQuery({
    queryKey: ['reviews', sku],
    queryFn: () => unwrap(shopApi.GET('/api/v1/products/{sku}/reviews', { params: { path: { sku } } })),
  });
}

export function useProfile() {
  const session = useSession('shop');
  return useQuery({
    queryKey: ['me', session?.token],
    queryFn: () => unwrap(shopApi.GET('/api/v1/me')),
    enabled: !!session,
    staleTime: 5 * 60_000,
  });
}

export function useCart() {
  const session = useSession('shop');
  return useQuery({
    queryKey: ['cart', session?.email],
    queryFn: () => unwrap(shopApi.GET('/api/v1/cart')),
    enabled: !!session,
  });
}

/** The cart's changes; each answer is the new cart. */
export function useCartChanges() {
  const client = useQueryClient();
  const session = useSession('shop');
  const key = ['cart', session?.email];
  const write = (cart: Cart) => client.setQueryData(key, cart);
  return {
    setQuantity: useMutation({
      mutationFn: ({ sku, quantity, substitution }: { sku: string; quantity: number; substitution?: Substitution }) =>
        unwrap(
          shopApi.PUT('/api/v1/cart/items/{sku}', { params: { path: { sku } }, body: { quantity, substitution } }),
        ),
      onSuccess: write,
    }),
    chooseStore: useMutation({
      mutationFn: (storeId: string) => unwrap(shopApi.PUT('/api/v1/cart/store', { body: { storeId } })),
      onSuccess: write,
    }),
    useVoucher: useMutation({
      mutationFn: (code: string) => unwrap(shopApi.PUT('/api/v1/cart/voucher', { body: { code } })),
      onSuccess: write,
    }),
    dropVoucher: useMutation({
      mutationFn: () => unwrap(shopApi.DELETE('/api/v1/cart/voucher')),
      onSuccess: write,
    }),
  };
}

/**
 * Checkout: one Idempotency-Key per attempt, kept until it succeeds, so a retry after a lost
 * answer or a 503 resumes the same order instead of placing a second one.
 */
export function useCheckout() {
  const client = useQueryClient();
  let attemptKey = sessionStorage.getItem('commerce.checkout.key');
  return useMutation({
    mutationFn: (deliverTo: { lat: number; lon: number } | undefined) => {
      attemptKey = attemptKey ?? idempotencyKey();
      sessionStorage.setItem('commerce.checkout.key', attemptKey);
      return unwrap(
        shopApi.POST('/api/v1/checkout', {
          params: { header: { 'Idempotency-Key': attemptKey } },
          body: { deliverTo },
        }),
      );
    },
    onSuccess: (order: Order) => {
      sessionStorage.removeItem('commerce.checkout.key');
      const payment = order.payment;
      if (order.id && payment?.intentId && payment.clientSecret) {
        startedPayments.save(order.id, {
          intentId: payment.intentId,
          clientSecret: payment.clientSecret,
          publishableKey: payment.publishableKey ?? '',
        });
      }
      client.setQueryData(['order', order.id], order);
      client.invalidateQueries({ queryKey: ['cart'] });
      client.invalidateQueries({ queryKey: ['orders'] });
    },
    onError: (error) => {
      // an answer that isn't worth repeating under the same key: the next attempt is a new one (a
      // busy grid, a lost connection or a checkout still running under the key keep it)
      if (!(error instanceof ApiError && error.transient)) {
        sessionStorage.removeItem('commerce.checkout.key');
      }
    },
  });
}

export function useOrders() {
  const session = useSession('shop');
  return useQuery({
    queryKey: ['orders', session?.email],
    queryFn: () => unwrap(shopApi.GET('/api/v1/orders')),
    enabled: !!session,
  });
}

export function useOrder(orderId: string) {
  return useQuery({
    queryKey: ['order', orderId],
    queryFn: () => unwrap(shopApi.GET('/api/v1/orders/{id}', { params: { path: { id: orderId } } })),
  });
}

export function usePaymentSetup() {
  return useQuery({
    queryKey: ['payment-setup'],
    queryFn: () => unwrap(shopApi.GET('/api/v1/payments/setup')),
    staleTime: Infinity,
  });
}
