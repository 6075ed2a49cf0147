import { LeftOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert, QueryState } from '../../components/feedback.tsx';
import { bound, ChoiceField, PlainFormElement, ShownField, TextField } from '../../components/PlainFields.tsx';
import { usePlainForm, type Problems } from '../../components/plainForm.ts';
import { useMine, usePropose, useThresholds, type ProposalKind } from './participateQueries.ts';
import { PhotoPicker } from './PhotoPicker.tsx';
import { PROPOSAL_MAX, proposalBody, type ProposalValues } from './proposalBody.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

const KINDS: ProposalKind[] = ['wish', 'project'];

/** 我要提议: a resident proposes a small wish or a small project for the community, from the phone. */
export function ProposePage() {
  const { t } = useTranslation();
  const { message } = useNotices();
  const navigate = useNavigate();
  const mine = useMine();
  const community = mine.data?.community ?? undefined;
  const thresholds = useThresholds(community?.id);
  const propose = usePropose();
  const form = usePlainForm<ProposalValues>('proposal', () => ({ photos: [] }), (v) => {
    const problems: Problems = {};
    if (!v.kind) problems.kind = t('common.requiredChoice', { field: t('participate.form.kind') });
    const text = (name: 'title' | 'body' | 'place', required?: string) => {
      const value = (v[name] ?? '').trim();
      if (required && !value) problems[name] = required;
      else if (value.length > PROPOSAL_MAX[name]) problems[name] = t('common.tooLong', { field: t(`participate.form.${name}`), max: PROPOSAL_MAX[name] });
    };
    text('title', t('participate.form.titleRequired'));
    text('body', t('participate.form.bodyRequired'));
    text('place');
    return problems;
  });
  const [error, setError] = useState<unknown>(null);
  const submit = () => {
    setError(null);
    if (!form.validate()) return;
    propose.mutate(proposalBody(form.values), {
      onSuccess: (p) => {
        void message.success(t('participate.form.done'));
        navigate(`/participate/proposals/${p.id}`, { replace: true });
      },
      onError: (e) => setError(form.serverErrors(e)),
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
            <PlainFormElement onSubmit={submit} testId="proposal-form">
              <ChoiceField
                {...bound(form, 'kind')}
                label={t('participate.form.kind')}
                look="cards"
                options={KINDS.map((k) => {
                  const n = thresholds[k];
                  return {
                    value: k,
                    label: t(`participate.kind.${k}`),
                    detail: n !== undefined ? t(`participate.form.${k}ExplainN`, { n }) : t(`participate.form.${k}Explain`),
                    testId: `proposal-kind-${k}`,
                  };
                })}
                testId="proposal-kind"
              />
              <TextField {...bound(form, 'title')} label={t('participate.form.title')} max={PROPOSAL_MAX.title} placeholder={t('participate.form.titlePlaceholder')} testId="proposal-title" />
              <TextField {...bound(form, 'body')} label={t('participate.form.body')} rows={4} max={PROPOSAL_MAX.body} placeholder={t('participate.form.bodyPlaceholder')} testId="proposal-body" />
              <TextField {...bound(form, 'place')} label={t('participate.form.place')} max={PROPOSAL_MAX.place} placeholder={t('participate.form.placePlaceholder')} testId="proposal-place" />
              <ShownField label={t('participate.form.photos')}>
                <PhotoPicker value={form.values.photos} onChange={(p) => form.setAt('photos', p)} />
                <p className="pf-hint">{t('participate.form.photosHint')}</p>
              </ShownField>
              <p className="pf-hint">{t('participate.form.publicNote')}</p>
              <Button type="primary" htmlType="submit" block loading={propose.isPending} style={{ height: 56, fontSize: 19 }} data-testid="proposal-submit">
                {t('participate.form.submit')}
              </Button>
            </PlainFormElement>
          </Card>
        </>
      )}
    </div>
  );
}
