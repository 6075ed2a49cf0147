import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Assessment rating with its validity; an expired rating is shown as such. */
export function RatingBadge({ rating, validUntil, status }: { rating?: string | null; validUntil?: string | null; status?: string }) {
  const { t } = useTranslation();
  if (!rating || status === 'none') return <Tag data-testid="rating-badge">{t('org.unrated')}</Tag>;
  const expired = status === 'expired';
  return (
    <Tooltip title={validUntil ? t('org.validUntil', { date: validUntil }) : undefined}>
      <Tag color={expired ? 'default' : 'gold'} data-testid="rating-badge" style={{ whiteSpace: 'nowrap' }}>
        {rating}
        {expired ? ` · ${t('org.ratingExpired')}` : validUntil ? ` · ${t('org.until', { date: validUntil })}` : ''}
      </Tag>
    </Tooltip>
  );
}
