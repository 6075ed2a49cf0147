import { Alert, Button, Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

/** The spinner while a page's file arrives; held back a moment so fast networks see no flash. */
export function PageLoading() {
  return <Spin size="large" delay={200} style={{ display: 'block', margin: '20vh auto' }} />;
}

/**
 * A page's file could not be fetched: the connection dropped, or a newer version was deployed
 * since this tab loaded and its files have other names. Reloading fetches the current one.
 */
function PageLoadFailed() {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.pageLoadFailed')}
      action={<Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>}
      data-testid="page-load-failed"
    />
  );
}

/**
 * A page loaded from its own chunk on first use, with its own loading state, so the layout
 * around it stays on screen while it arrives.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  const Page: ComponentType = lazy(async (): Promise<{ default: ComponentType }> => {
    try {
      return { default: (await load())[name] };
    } catch {
      return { default: PageLoadFailed };
    }
  });
  return function LazyPage() {
    return (
      <Suspense fallback={<PageLoading />}>
        <Page />
      </Suspense>
    );
  };
}
