import { Alert, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { QueryState } from '../../components/feedback.tsx';
import { RecordCrumbs } from '../../components/RecordCard.tsx';
import { dayLabel } from '../worklog/worklogDates.ts';
import { FormTag, FunctionTags } from './SupervisionParts.tsx';
import { useSupervision } from './supervisionQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** One supervision session; its notes for the supervisor and the supervisees only (the server leaves them out for others). */
export function SupervisionSessionPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const session = useSupervision(id);
  const s = session.data;
  const crumbs = <RecordCrumbs listPath="/supervision" listTitle={t('supervision.title')} current={s ? dayLabel(s.heldOn, i18n.language, { year: 'numeric', month: 'short', day: 'numeric' }) : t('supervision.detail.title')} />;
  if (!s) {
    return (
      <>
        {crumbs}
        <QueryState isLoading={session.isLoading} error={session.error} />
      </>
    );
  }
  const names = s.supervisees.map((w) => w.name).join(i18n.language === 'en' ? ', ' : '、');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 860 }} data-testid="supervision-session-page">
      {crumbs}
      <Card size="small" title={<Typography.Title level={3} style={{ margin: 0, fontSize: '1.25em', whiteSpace: 'normal' }}>{t('supervision.detail.title')}</Typography.Title>}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('supervision.detail.heldOn')}>{dayLabel(s.heldOn, i18n.language, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' })}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.detail.form')}><FormTag form={s.form} /></Descriptions.Item>
          <Descriptions.Item label={t('supervision.detail.supervisor')}>{s.supervisorName}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.detail.supervisees')}><span data-testid="sup-supervisees">{names}</span></Descriptions.Item>
          <Descriptions.Item label={t('supervision.detail.minutes')}>{t('supervision.minutesValue', { minutes: s.minutes })}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.detail.functions')}>
            <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}><FunctionTags functions={s.functions} /></span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={<Typography.Title level={4} style={{ margin: 0, fontSize: '1.1em' }}>{t('supervision.detail.notes')}</Typography.Title>}>
        {s.notes === null ? (
          <Alert type="info" showIcon title={t('supervision.detail.notesHidden')} data-testid="sup-notes-hidden" />
        ) : (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }} data-testid="sup-notes-text">{s.notes}</Typography.Paragraph>
        )}
      </Card>
    </Space>
  );
}
