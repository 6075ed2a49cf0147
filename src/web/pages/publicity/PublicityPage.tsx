import { useQuery } from '@tanstack/react-query';
import { Empty, Layout, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { PublicPage } from '../../../server/modules/calls/calls.publicity.schemas.ts';
import { api } from '../../api/client.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { QueryState } from '../../components/feedback.tsx';
import { AwardList } from './CallPublicity.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/**
 * The notice board (公示栏) of a street or a community, open to anyone without signing in:
 * the results of the rounds that concern it, with organizations and amounts and no person.
 */
export function PublicityPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = { streetId: params.get('streetId') ?? undefined, communityId: params.get('communityId') ?? undefined };
  const page = useQuery({ queryKey: ['public', 'publicity', query], queryFn: () => api.get<PublicPage>('/public/publicity', query) });
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 16 }}>
        <Typography.Title level={1} style={{ color: '#fff', fontSize: 18, margin: 0 }}>
          {page.data ? t('publicity.boardOf', { unit: page.data.unitName }) : t('publicity.board')}
        </Typography.Title>
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 960, width: '100%', margin: '0 auto' }}>
        <main>
          {!page.data ? (
            <QueryState isLoading={page.isLoading} error={page.error} />
          ) : page.data.items.length === 0 ? (
            <Empty description={t('publicity.nothing')} />
          ) : (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              {page.data.items.map((c) => (
                <Card key={c.callId} size="small" title={<Space wrap>{c.title}<Tag color={c.status === 'publicity' ? 'processing' : 'default'}>{t(`callStatus.${c.status}`)}</Tag></Space>}>
                  <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                    <Typography.Text>{c.refNo} · {c.issuerName}</Typography.Text>
                    <Typography.Text>{t('publicity.period', { from: dayjs(c.publicizedAt).format('YYYY-MM-DD'), to: dayjs(c.publicityEndsAt).format('YYYY-MM-DD') })}</Typography.Text>
                    <AwardList awards={c.awards} />
                    <Typography.Text type="secondary">{t('publicity.objectionCount', { lodged: c.objectionsLodged, answered: c.objectionsAnswered })}</Typography.Text>
                    {c.status === 'publicity' && <Link to={`/calls/${c.callId}`}>{t('publicity.signInToObject')}</Link>}
                  </Space>
                </Card>
              ))}
            </Space>
          )}
        </main>
      </Layout.Content>
    </Layout>
  );
}

