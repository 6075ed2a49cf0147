import { Alert, Button, Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { textsReady, type TextsPart } from '../i18n/index.ts';

/** The spinner while a page's file arrives; held back a moment so fast networks see no flash. */
export function PageLoading() {
  return <Spin size="large" delay={200} style={{ display: 'block', margin: '20vh auto' }} />;
}

/**
 * A page's file (or a part of a page fetched on demand) could not be fetched: the connection
 * dropped, or a newer version was deployed since this tab loaded and its files have other names.
 * Reloading fetches the current one.
 */
export function LoadFailed() {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      // In both languages when the texts themselves could not be fetched.
      title={t('common.pageLoadFailed', '页面未能加载，请检查网络后重试 · This page could not be loaded; check the network and try again')}
      action={<Button onClick={() => window.location.reload()}>{t('common.reload', '重新加载 · Reload')}</Button>}
      data-testid="page-load-failed"
    />
  );
}

/** A page component that can start fetching its file before it is drawn. */
export type LazyPage = ComponentType & { preload: () => void };

/**
 * A page loaded from its own chunk on first use, with its own loading state, so the layout
 * around it stays on screen while it arrives. The page's file and its texts (`texts`: the
 * everyday part only, or the office part too) are fetched side by side, and `preload` starts
 * both before the page is drawn (the router does so for the pages of each address it draws).
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K, texts: TextsPart = 'office'): LazyPage {
  let loading: Promise<ComponentType> | undefined;
  // Both are awaited even when one fails, so the failure is told in the user's language.
  const start = () =>
    (loading ??= Promise.allSettled([load(), textsReady(texts)]).then(([page, texts]) =>
      page.status === 'fulfilled' && texts.status === 'fulfilled' ? page.value[name] : LoadFailed,
    ));
  const Page: ComponentType = lazy(async () => ({ default: await start() }));
  function Lazy() {
    return (
      <Suspense fallback={<PageLoading />}>
        <Page />
      </Suspense>
    );
  }
  return Object.assign(Lazy, { preload: () => void start() });
}
