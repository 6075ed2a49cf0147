import { useQuery } from '@tanstack/react-query';
import { Descriptions, Space, Tag, theme } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Static } from 'typebox';
import { api } from '../../api/client.ts';
import { useTagLabel } from '../territory/queries.ts';
import type { GridView, NeedDetail } from './needQueries.ts';
import { Typography } from '../../components/Typography.tsx';

type HouseholdDetail = Static<typeof import('../../../server/modules/territory/register.schemas.ts').HouseholdDetail>;
type VisitView = Static<typeof import('../../../server/modules/visits/visits.schemas.ts').VisitView>;

/**
 * Who the need is about, where, and who handles it: read through the household, grid and visit
 * routes, so their read rules, masking and sensitive tags apply as on their own pages (a reader
 * the household route refuses, such as a referred organization, sees the grid and handler only).
 */
export function NeedSubject({ need: n }: { need: NeedDetail }) {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  const tagLabel = useTagLabel();
  const household = useQuery({
    queryKey: ['households', n.householdId],
    queryFn: () => api.get<HouseholdDetail>(`/households/${n.householdId}`),
    enabled: !!n.householdId,
    retry: false,
  });
  const grid = useQuery({
    queryKey: ['grids', n.gridId],
    queryFn: () => api.get<GridView>(`/grids/${n.gridId}`),
    enabled: !n.householdId,
    retry: false,
  });
  const visit = useQuery({
    queryKey: ['visits', n.visitId],
    queryFn: () => api.get<VisitView>(`/visits/${n.visitId}`),
    enabled: !!n.visitId,
    retry: false,
  });
  const h = household.data;
  const members = h?.members.filter((m) => m.status === 'active') ?? [];
  // The resident who asked, else the head of household.
  const person = members.find((m) => m.id === n.reporterResidentId) ?? members.find((m) => m.relation === 'head') ?? members[0];
  const gridName = h ? `${h.communityName} · ${h.gridName}` : grid.data ? grid.data.name : null;
  const handler = n.handlerName ?? null;
  const referral = n.referralOrgName ?? n.referralDepartment ?? null;
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} styles={{ label: { color: token.colorTextSecondary }, content: { overflowWrap: 'anywhere' } }} data-testid="need-subject">
      {person && (
        <Descriptions.Item label={t('needPage.subject.person')}>
          <Space wrap size={6}>
            <Typography.Text strong data-testid="need-person">{person.name}</Typography.Text>
            <span>{t(`gender.${person.gender}`)} · {t('needPage.subject.age', { age: person.age })}</span>
            {person.tags.map((tag) => (
              <Tag key={tag} data-testid="need-person-tag">{tagLabel(tag)}</Tag>
            ))}
          </Space>
        </Descriptions.Item>
      )}
      {h && (
        <Descriptions.Item label={t('needPage.subject.address')}>
          <Link to={`/territory/households/${h.id}`} data-testid="need-address">{h.address}</Link>
        </Descriptions.Item>
      )}
      {gridName && (
        <Descriptions.Item label={t('needPage.grid')}>
          <Link to={`/territory/grids/${n.gridId}`} data-testid="need-grid">{gridName}</Link>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('needPage.subject.handler')}>
        <span data-testid="need-handler">{handler ?? t('needPage.subject.noHandler')}</span>
      </Descriptions.Item>
      {referral && (
        <Descriptions.Item label={t('needPage.referredTo')}>
          <span data-testid="need-referral">{referral}</span>
        </Descriptions.Item>
      )}
      {visit.data && (
        <Descriptions.Item label={t('needPage.subject.visit')} span={{ xs: 1, sm: 2 }}>
          <div data-testid="need-visit">
            <div>
              {dayjs(visit.data.visitedAt).format('YYYY-MM-DD HH:mm')} · {t(`visitKind.${visit.data.kind}`)} · {visit.data.workerName}
            </div>
            {visit.data.findings && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{visit.data.findings}</Typography.Paragraph>}
          </div>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
