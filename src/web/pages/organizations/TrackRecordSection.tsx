import { useQuery } from '@tanstack/react-query';
import { Col, Descriptions, Row, Space, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { TrackRecord } from '../../../server/modules/projects/projects.track-record.ts';
import { QueryState } from '../../components/feedback.tsx';
import { FUNDING_SOURCES, yuan } from '../projects/projectsApi.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

const OUTCOME_COLOUR: Record<string, string | undefined> = { accepted: 'green', accepted_with_conditions: 'gold', failed: 'red', terminated: undefined };

/**
 * An organization's track record and funding mix, as the server computes them from its
 * projects' contracts, evaluations, milestones and outcomes: shown, never typed in.
 */
export function TrackRecordSection({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const record = useQuery({ queryKey: ['organizations', organizationId, 'track-record'], queryFn: () => api.get<TrackRecord>(`/organizations/${organizationId}/track-record`) });
  if (!record.data) return <QueryState isLoading={record.isLoading} error={record.error} />;
  const r = record.data;
  const ended = Object.values(r.outcomes).reduce((a, b) => a + b, 0);
  const mix = r.fundingMix;
  const sources = FUNDING_SOURCES.filter((s) => mix.bySource[s] > 0);
  return (
    <Card size="small" title={t('trackRecord.title')} style={{ marginTop: 12 }} data-testid="track-record">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('trackRecord.hint')}</Typography.Text>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}><Statistic title={t('trackRecord.won')} value={r.won} data-testid="track-won" /></Col>
          <Col xs={12} md={6}><Statistic title={t('trackRecord.inDelivery')} value={r.inDelivery} /></Col>
          <Col xs={12} md={6}>
            <Statistic title={t('trackRecord.acceptedFirstTry')} value={t('trackRecord.acceptedFirstTryValue', { count: r.acceptedFirstTry, total: ended })} data-testid="track-first-try" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('trackRecord.milestones')}
              value={r.milestones.due ? t('trackRecord.milestonesValue', { onTime: r.milestones.onTime, due: r.milestones.due }) : t('trackRecord.noMilestones')}
              styles={r.milestones.due ? undefined : { content: { fontSize: 14 } }}
              data-testid="track-milestones"
            />
          </Col>
        </Row>
        {ended > 0 && (
          <Space wrap size={[8, 4]}>
            <Typography.Text type="secondary">{t('trackRecord.outcomes')}</Typography.Text>
            {Object.entries(r.outcomes).filter(([, n]) => n > 0).map(([o, n]) => (
              <Tag key={o} color={OUTCOME_COLOUR[o]}>{t(`projectStatus.${o}`)} {n}</Tag>
            ))}
          </Space>
        )}
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>{t('trackRecord.fundingMix')}</Typography.Title>
          {mix.totalFen === 0 ? (
            <Typography.Text type="secondary">{t('trackRecord.noFunding')}</Typography.Text>
          ) : (
            <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="track-funding">
              <Descriptions.Item label={t('trackRecord.governmentShare')}>
                <span data-testid="track-government-share">{mix.governmentShare === null ? '—' : `${Math.round(mix.governmentShare * 1000) / 10}%`}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('trackRecord.concentration')}>
                <span data-testid="track-concentration">{mix.concentration === null ? '—' : mix.concentration.toFixed(2)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('trackRecord.total')}>{t('projects.yuan', { amount: yuan(mix.totalFen) })}</Descriptions.Item>
              {sources.map((s) => (
                <Descriptions.Item key={s} label={t(`fundingSource.${s}`)}>{t('projects.yuan', { amount: yuan(mix.bySource[s]) })}</Descriptions.Item>
              ))}
            </Descriptions>
          )}
          {mix.totalFen > 0 && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('trackRecord.concentrationHint')}</Typography.Paragraph>}
        </div>
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>{t('trackRecord.projects')}</Typography.Title>
          <List
            size="small"
            dataSource={r.projects}
            locale={{ emptyText: t('trackRecord.noProjects') }}
            renderItem={(p) => (
              <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid="track-project">
                <Space wrap size={[8, 4]}>
                  <Link to={`/projects/${p.id}`}>{p.title}</Link>
                  <Typography.Text type="secondary">{p.refNo}</Typography.Text>
                  <Tag color={p.outcome ? OUTCOME_COLOUR[p.outcome] : 'blue'}>{t(`projectStatus.${p.outcome ?? p.status}`)}</Tag>
                  {p.rectified && <Tag color="orange">{t('trackRecord.rectified')}</Tag>}
                </Space>
                <div>
                  <Typography.Text type="secondary">
                    {t('reports.line', { label: t('trackRecord.grade'), text: p.finalGrade ? t('trackRecord.gradeValue', { grade: t(`evaluations.grade.${p.finalGrade}`), score: p.finalScore }) : t('trackRecord.noGrade') })}
                    {' · '}{t(`fundingSource.${p.fundingSource}`)} {t('projects.yuan', { amount: yuan(p.amountFen) })}
                    {p.coFundingFen > 0 && <>{' · '}{t('trackRecord.coFunded', { amount: t('projects.yuan', { amount: yuan(p.coFundingFen) }) })}</>}
                    {p.endedOn ? ` · ${t('trackRecord.ended')} ${p.endedOn}` : ''}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        </div>
      </Space>
    </Card>
  );
}
