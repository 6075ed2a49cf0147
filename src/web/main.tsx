import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { ApiError } from './api/client.ts';
import { AuthProvider, ME_KEY } from './app/auth.tsx';
import { ThemedApp } from './app/preferences.tsx';
import { AppRoutes } from './app/router.tsx';
import './i18n/index.ts';

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change on retry; only transient failures are retried.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
  queryCache: new QueryCache({
    onError: (error, query) => {
      // An expired session sends the user back to the sign-in page.
      if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== 'me') {
        queryClient.setQueryData(ME_KEY, null);
      }
    },
  }),
});

function Root() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AuthProvider>
          <ThemedApp>
            <AppRoutes />
          </ThemedApp>
        </AuthProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
