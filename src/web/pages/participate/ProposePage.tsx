import { LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { applyServerErrors, ErrorAlert, QueryState } from '../../components/feedback.tsx';
import { useMine, usePropose, useThresholds } from './participateQueries.ts';
import { ProposalFields, proposalBody, type ProposalValues } from './ProposalFields.tsx';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** 我要提议: a resident proposes a small wish or a small project for the community, from the phone. */
export function ProposePage() {
  const { t } = useTranslation();
  const { message } = useNotices();
  const navigate = useNavigate();
  const mine = useMine();
  const community = mine.data?.community ?? undefined;
  const thresholds = useThresholds(community?.id);
  const propose = usePropose();
  const [form] = Form.useForm<ProposalValues>();
  const [error, setError] = useState<unknown>(null);
  const submit = (v: ProposalValues) => {
    setError(null);
    propose.mutate(proposalBody(v), {
      onSuccess: (p) => {
        void message.success(t('participate.form.done'));
        navigate(`/participate/proposals/${p.id}`, { replace: true });
      },
      onError: (e) => setError(applyServerErrors(form, e)),
    });
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, width: '100%', maxWidth: 720 }}>
      <Link to="/participate" style={{ alignSelf: 'flex-start' }}><LeftOutlined aria-hidden /> {t('participate.title')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('participate.form.heading')}</Typography.Title>
      {!mine.data ? (
        <QueryState isLoading={mine.isLoading} error={mine.error} />
      ) : !community ? (
        <Alert type="info" showIcon title={t('participate.noCommunity')} />
      ) : (
        <>
          <Typography.Paragraph style={{ margin: 0, fontSize: 16 }}>{t('participate.form.intro', { community: community.name })}</Typography.Paragraph>
          <ErrorAlert error={error} />
          <Card size="small">
            <Form<ProposalValues>
              form={form}
              layout="vertical"
              size="large"
              onFinish={submit}
              onValuesChange={() => setError(null)}
              initialValues={{ photos: [] }}
              scrollToFirstError
              data-testid="proposal-form"
            >
              <ProposalFields thresholds={thresholds} />
              <Typography.Paragraph type="secondary">{t('participate.form.publicNote')}</Typography.Paragraph>
              <Button type="primary" htmlType="submit" block loading={propose.isPending} style={{ height: 56, fontSize: 19 }} data-testid="proposal-submit">
                {t('participate.form.submit')}
              </Button>
            </Form>
          </Card>
        </>
      )}
    </div>
  );
}
