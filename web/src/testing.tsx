// Helpers for component tests: a fake API answering by method and path, and a render with the
// shop's query client settings.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { retryDelay, shouldRetry } from './api/problem';

export type Sent = { method: string; path: string; body: unknown; headers: Headers };
type Answer = { status?: number; body?: unknown; headers?: Record<string, string> };

/** Answers requests from `routes` ("PUT /api/v1/cart/items/DAI-1" → answer or list of answers). */
export function fakeApi(routes: Record<string, Answer | Answer[] | ((sent: Sent) => Answer)>) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      const text = await request.text();
      const call = {
        method: request.method,
        path: url.pathname,
        body: text ? JSON.parse(text) : undefined,
        headers: request.headers,
      };
      sent.push(call);
      const route = routes[`${call.method} ${call.path}`];
      const answer: Answer =
        typeof route === 'function'
          ? route(call)
          : Array.isArray(route)
            ? (route.shift() ?? route[0])
            : (route ?? { status: 404 });
      const status = answer.status ?? 200;
      const type = status >= 400 ? 'application/problem+json' : 'application/json';
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status,
        headers: { 'Content-Type': type, ...answer.headers },
      });
    }),
  );
  return sent;
}

export function renderWithQueries(ui: ReactNode, { fastRetries = true } = {}) {
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, retryDelay: fastRetries ? 10 : retryDelay },
      mutations: { retry: shouldRetry, retryDelay: fastRetries ? 10 : retryDelay },
    },
  });
  return { client, ...render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>) };
}

export const euros = (amount: number) => ({ amount, currency: 'EUR' });
