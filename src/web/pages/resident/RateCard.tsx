import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Input, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { SessionFacts } from './SessionCard.tsx';
import { type MySession, useParticipation } from './myActivitiesQueries.ts';
import { StarRating } from './StarRating.tsx';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** One member's rating of a session they attended: stars, an optional word, sent once. */
function MemberRating({ sessionId, residentId, name }: { sessionId: string; residentId: string; name: string }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const act = useParticipation(sessionId);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  return (
    <div data-testid="member-rating" data-member={name} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Typography.Text strong style={{ fontSize: 16 }}>{t('myActivities.rateFor', { name })}</Typography.Text>
      <StarRating value={rating} onChange={setRating} label={t('myActivities.rateFor', { name })} testId="stars" />
      {rating > 0 && <Typography.Text>{t(`myActivities.stars.${rating}`)}</Typography.Text>}
      <Input.TextArea
        aria-label={t('myActivities.comment')}
        placeholder={t('myActivities.commentPlaceholder')}
        autoSize={{ minRows: 2, maxRows: 5 }}
        maxLength={500}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        data-testid="rating-comment"
      />
      <ErrorAlert error={act.error} />
      <Button
        type="primary"
        size="large"
        disabled={rating === 0}
        loading={act.isPending}
        onClick={() => act.mutate({ kind: 'feedback', residentId, rating, comment: comment.trim() || undefined }, { onSuccess: () => void message.success(t('myActivities.rated')) })}
        data-testid="rating-submit"
      >
        {t('myActivities.sendRating')}
      </Button>
    </div>
  );
}

/** A session the household attended: each member who came and has not rated it yet can rate it. */
export function RateCard({ s, names }: { s: MySession; names: Map<string, string> }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Card size="small" data-testid="rate-session" data-title={s.title} data-starts={s.startsAt} style={{ borderColor: token.colorSuccess }}>
      <SessionFacts s={s} />
      {s.members.filter((m) => m.attended).map((m) => {
        const name = names.get(m.residentId) ?? '';
        return (
          <div key={m.residentId} style={{ borderTop: `1px solid ${token.colorBorderSecondary}`, marginTop: 8, paddingTop: 8 }}>
            {m.rated ? (
              <Typography.Text type="success" data-testid="member-rated"><CheckCircleFilled aria-hidden /> {t('myActivities.ratedBy', { name })}</Typography.Text>
            ) : (
              <MemberRating sessionId={s.sessionId} residentId={m.residentId} name={name} />
            )}
          </div>
        );
      })}
    </Card>
  );
}
