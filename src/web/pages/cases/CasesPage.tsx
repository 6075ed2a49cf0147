import { Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Role } from '../../../common/roles.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { CaseList } from './CaseList.tsx';
import { useCases } from './caseQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

type View = 'mine' | 'review' | 'all';

/**
 * Who each view is for, in the order a person holding several roles is offered them (the first
 * is theirs by default). A supervisor's "all" holds the cases of the workers they supervise; a
 * social worker's would hold only their own, so it is not offered to them.
 */
const VIEW_ROLES: [View, Role[]][] = [
  ['mine', ['social_worker']],
  ['review', ['supervisor']],
  ['all', ['supervisor', 'org_admin', 'community_admin', 'community_worker', 'street_officer', 'district_officer']],
];

/** 个案管理: the caller's cases, those waiting for their approval, or all they may see; the view stays in the address. */
export function CasesPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const views = VIEW_ROLES.filter(([, roles]) => hasRole(...roles)).map(([v]) => v);
  const asked = params.get('view') as View | null;
  const view = asked && views.includes(asked) ? asked : (views[0] ?? 'all');
  const list = useCases(view === 'all' ? {} : { view });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 960 }} data-testid="cases-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('case.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t(`case.viewHint.${view}`)}</Typography.Paragraph>
      {views.length > 1 && (
        <div style={{ overflowX: 'auto' }}>
          <Segmented<View>
            value={view}
            onChange={(v) => setParams(v === views[0] ? {} : { view: v }, { replace: true })}
            options={views.map((v) => ({ value: v, label: t(`case.view.${v}`) }))}
            data-testid="case-views"
          />
        </div>
      )}
      <Card size="small">
        <ErrorAlert error={list.error} />
        <CaseList items={list.data?.items ?? []} loading={list.isLoading} empty={t(`case.empty.${view}`)} />
      </Card>
    </Space>
  );
}
