import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ConfigProvider, theme, type GlobalToken } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useEffect, useSyncExternalStore, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preferences, PreferencesPatch } from '../../server/modules/accounts/accounts.schemas.ts';
import { api } from '../api/client.ts';
import { useAuth } from './auth.tsx';
import { NoticesProvider } from './notices.tsx';
import { themeFor } from './theme.ts';

const PREFERENCES_KEY = ['preferences'];
const STANDARD: Preferences = { largeText: false };

/**
 * The signed-in user's display preferences, kept on the server (they follow the person to any
 * device); standard until they are read, and on the sign-in page.
 */
export function usePreferences() {
  const { me } = useAuth();
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: () => api.get<Preferences>('/me/preferences'),
    enabled: !!me,
    staleTime: Infinity,
  });
  const change = useMutation({
    mutationFn: (patch: PreferencesPatch) => api.patch<Preferences>('/me/preferences', patch),
    // The page changes at once; the server's answer (or the old value on failure) follows.
    onMutate: (patch) => {
      const before = qc.getQueryData<Preferences>(PREFERENCES_KEY);
      qc.setQueryData<Preferences>(PREFERENCES_KEY, { ...STANDARD, ...before, ...patch });
      return before;
    },
    onError: (_error, _patch, before) => qc.setQueryData(PREFERENCES_KEY, before),
    onSuccess: (saved) => qc.setQueryData(PREFERENCES_KEY, saved),
  });
  const preferences = (me && query.data) || STANDARD;
  return { preferences, change: (patch: PreferencesPatch) => change.mutate(patch) };
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Whether the person asked their system for less motion; follows the setting while the page is open. */
function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(REDUCED_MOTION);
      query.addEventListener('change', changed);
      return () => query.removeEventListener('change', changed);
    },
    () => window.matchMedia(REDUCED_MOTION).matches,
  );
}

/** Ant Design in the user's language, display mode and motion setting, around the whole app. */
export function ThemedApp({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const { preferences } = usePreferences();
  const reducedMotion = usePrefersReducedMotion();
  // Says on the page which mode it is drawn in (browser tests read it).
  useEffect(() => {
    document.documentElement.dataset.largeText = String(preferences.largeText);
  }, [preferences.largeText]);
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={themeFor(preferences.largeText, reducedMotion)}>
      <AppRoot>{children}</AppRoot>
    </ConfigProvider>
  );
}

/** The theme for what the app draws in plain HTML (sign-in, the light forms' controls). */
function plainColours(token: GlobalToken): CSSProperties {
  return {
    '--sanshe-brand': token.colorPrimary,
    '--sanshe-focus': token.colorPrimaryBg,
    '--sanshe-text': token.colorText,
    '--sanshe-secondary': token.colorTextSecondary,
    '--sanshe-placeholder': token.colorTextPlaceholder,
    '--sanshe-border': token.colorBorder,
    '--sanshe-error': token.colorError,
    '--sanshe-bg': token.colorBgContainer,
    '--sanshe-disabled-bg': token.colorBgContainerDisabled,
    '--sanshe-radius': `${token.borderRadius}px`,
    '--sanshe-control-height': `${token.controlHeightLG}px`,
    '--sanshe-font': `${Math.max(16, token.fontSize)}px`,
    '--sanshe-font-small': `${token.fontSize}px`,
  } as CSSProperties;
}

/** The text style every page inherits (what Ant Design's App sets), and the app's notices. */
function AppRoot({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div className="app-root" style={{ ...plainColours(token), color: token.colorText, fontSize: token.fontSize, lineHeight: token.lineHeight, fontFamily: token.fontFamily }}>
      <NoticesProvider>{children}</NoticesProvider>
    </div>
  );
}
