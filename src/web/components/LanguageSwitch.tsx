import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { Locale } from '../../server/platform/i18n/locale.ts';
import { useAuth } from '../app/auth.tsx';
import { applyLanguage, currentLocale } from '../i18n/index.ts';

/** Switches the web app, Ant Design, dates and the server's messages together. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { me } = useAuth();
  const qc = useQueryClient();
  const { t, i18n } = useTranslation();
  const value = currentLocale();
  void i18n.language;
  const [failed, setFailed] = useState(false);

  const change = async (locale: Locale) => {
    setFailed(false);
    try {
      await applyLanguage(locale);
    } catch {
      // The other language's texts did not arrive: the page stays as it was, and says so.
      setFailed(true);
      return;
    }
    if (me) {
      await api.patch('/me', { locale }).catch(() => undefined);
      // Server-side labels (and any error text) follow the new language on the next read.
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    }
  };

  return (
    <>
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
      {failed && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setFailed(false)}
          title={t('common.languageFailed')}
          data-testid="lang-failed"
          style={{ position: 'fixed', top: 8, left: 8, right: 8, maxWidth: 480, margin: '0 auto', zIndex: 1100 }}
        />
      )}
    </>
  );
}
