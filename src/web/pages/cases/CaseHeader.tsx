import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import type { CaseDetail } from './caseQueries.ts';
import { when } from './caseWords.ts';
import { Typography } from '../../components/Typography.tsx';

/** Who the case is for and with, where, and what its need's reporter was told when it closed. */
export function CaseHeader({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} styles={{ content: { overflowWrap: 'anywhere' } }} data-testid="case-header">
      <Descriptions.Item label={t('case.client')}><span data-testid="case-client">{c.client.name}</span></Descriptions.Item>
      <Descriptions.Item label={t('case.community')}>{c.communityName}</Descriptions.Item>
      <Descriptions.Item label={t('case.worker')}><span data-testid="case-worker">{c.worker.name}</span></Descriptions.Item>
      <Descriptions.Item label={t('case.supervisor')}><span data-testid="case-supervisor">{c.supervisor.name}</span></Descriptions.Item>
      <Descriptions.Item label={t('case.organization')}>{c.organization.name}</Descriptions.Item>
      <Descriptions.Item label={t('case.openedAt')}>{when(c.openedAt)}</Descriptions.Item>
      {c.needId && (
        <Descriptions.Item label={t('case.need')}>
          {/* A social worker does not read the needs board: the number alone tells them which need it is. */}
          {can('needs.need.read') ? <Link to={`/needs/${c.needId}`} data-testid="case-need">{c.needRefNo ?? c.needId}</Link> : <span data-testid="case-need">{c.needRefNo}</span>}
        </Descriptions.Item>
      )}
      {c.reopened > 0 && <Descriptions.Item label={t('case.reopened')}>{t('case.reopenedTimes', { count: c.reopened })}</Descriptions.Item>}
      {c.closedAt && <Descriptions.Item label={t('case.closedAt')}>{when(c.closedAt)}</Descriptions.Item>}
      {c.outcome && <Descriptions.Item label={t('case.outcome')}><span data-testid="case-outcome">{t(`outcome.${c.outcome}`)}</span></Descriptions.Item>}
      {c.reply && (
        <Descriptions.Item label={t('case.reply')} span={{ xs: 1, md: 2 }}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="case-reply">{c.reply}</Typography.Paragraph>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
