import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { retryDelay, shouldRetry } from './api/problem';
import { App } from './App';
import './styles.css';

const queries = new QueryClient({
  defaultOptions: {
    // a busy grid (503) or a lost connection is retried with backoff; answers (4xx) are not
    queries: { retry: shouldRetry, retryDelay, staleTime: 5_000, refetchOnWindowFocus: true },
    mutations: { retry: shouldRetry, retryDelay },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
