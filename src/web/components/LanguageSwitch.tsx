import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { Locale } from '../../server/platform/i18n/locale.ts';
import { useAuth } from '../app/auth.tsx';
import { applyLanguage, currentLocale } from '../i18n/index.ts';

/** Switches the web app, Ant Design, dates and the server's messages together. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { i18n } = useTranslation();
  const { me } = useAuth();
  const qc = useQueryClient();
  const value = currentLocale();
  void i18n.language;

  const change = async (locale: Locale) => {
    await applyLanguage(locale);
    if (me) {
      await api.patch('/me', { locale }).catch(() => undefined);
      // Server-side labels (and any error text) follow the new language on the next read.
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    }
  };

  return (
    <Segmented<Locale>
      size={size}
      data-testid="lang-switch"
      style={{ flexShrink: 0 }}
      value={value}
      onChange={(v) => void change(v)}
      options={[
        { value: 'zh-CN', label: <span data-testid="lang-zh"><GlobalOutlined /> 中文</span> },
        { value: 'en', label: <span data-testid="lang-en">EN</span> },
      ]}
    />
  );
}
