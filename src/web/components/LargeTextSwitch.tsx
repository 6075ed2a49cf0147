import { FontSizeOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../app/preferences.tsx';

/** Turns large text and high contrast on and off for the signed-in user, on every device. */
export function LargeTextSwitch({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const { preferences, change } = usePreferences();
  const on = preferences.largeText;
  return (
    <Button
      type={on ? 'primary' : 'default'}
      icon={<FontSizeOutlined />}
      aria-pressed={on}
      aria-label={compact ? t('display.largeTextLong') : undefined}
      title={t('display.largeTextLong')}
      onClick={() => change({ largeText: !on })}
      data-testid="large-text-switch"
      style={{ flexShrink: 0 }}
    >
      {compact ? null : t('display.largeText')}
    </Button>
  );
}
