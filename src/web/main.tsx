import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { ApiError } from './api/client.ts';
import { AuthProvider, ME_KEY } from './app/auth.tsx';
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
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <ConfigProvider
      locale={en ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#c0392b', borderRadius: 6 } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider>
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
