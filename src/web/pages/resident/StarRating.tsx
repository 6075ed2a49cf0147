import { StarFilled, StarOutlined } from '@ant-design/icons';
import { theme } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Five large stars, each a button that says what it means ("4 星：满意"): easier to hit with a
 * thumb than antd's Rate, and a screen reader hears words rather than "star star".
 */
export function StarRating({ value, onChange, label, testId }: { value: number; onChange: (v: number) => void; label: string; testId?: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <div role="group" aria-label={label} data-testid={testId} style={{ display: 'flex', gap: 4 }}>
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          aria-pressed={value === n}
          aria-label={t('myActivities.star', { count: n, meaning: t(`myActivities.stars.${n}`) })}
          onClick={() => onChange(n)}
          data-testid={testId ? `${testId}-${n}` : undefined}
          style={{ border: 'none', background: 'none', padding: 4, minWidth: 48, minHeight: 48, cursor: 'pointer', fontSize: 36, lineHeight: 1, color: n <= value ? '#d48806' : token.colorTextTertiary }}
        >
          {n <= value ? <StarFilled aria-hidden /> : <StarOutlined aria-hidden />}
        </button>
      ))}
    </div>
  );
}
