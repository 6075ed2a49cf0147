import { LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert, errorMessage } from '../../components/feedback.tsx';
import { bound, ChoiceField, PlainFormElement, ShownField, TextField } from '../../components/PlainFields.tsx';
import { usePlainForm, type Problems } from '../../components/plainForm.ts';
import { DueTime } from '../../components/DueTime.tsx';
import { useHousehold } from '../territory/queries.ts';
import { CategoryField } from './CategoryField.tsx';
import { uploadAttachment, useCreateNeed, useMyHouseholdId, type NeedView } from './fieldQueries.ts';
import { PossibleDuplicates } from './PossibleDuplicates.tsx';
import { PhotoInput } from './PhotoInput.tsx';
import { Outcome } from '../../components/Outcome.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

// "Difficult" is the staff's judgement after triage; a resident says whether it is urgent.
const URGENCIES = ['normal', 'urgent'] as const;

interface Values {
  categoryId?: string | undefined;
  description?: string | undefined;
  urgency: string;
  photo: File | null;
}

const DESCRIPTION_MAX = 2000;

/** A resident reports a need of their own household from the phone. */
export function ReportNeedPage() {
  const { t } = useTranslation();
  const householdId = useMyHouseholdId();
  const household = useHousehold(householdId);
  const form = usePlainForm<Values>('report-need', () => ({ urgency: 'normal', photo: null }), (v) => {
    const problems: Problems = {};
    if (!v.categoryId) problems.categoryId = t('field.categoryRequired');
    const description = (v.description ?? '').trim();
    if (!description) problems.description = t('field.descriptionRequired');
    else if (description.length > DESCRIPTION_MAX) problems.description = t('common.tooLong', { field: t('field.description'), max: DESCRIPTION_MAX });
    return problems;
  });
  const create = useCreateNeed();
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<NeedView | null>(null);
  const [photo, setPhoto] = useState<{ status: 'uploading' | 'done' | 'failed'; error?: unknown } | null>(null);

  if (!householdId) return <Empty description={t('myNeeds.noHousehold')} />;

  const submit = () => {
    setError(null);
    if (!form.validate()) return;
    const v = form.values;
    create.mutate(
      { source: 'resident', householdId, categoryId: v.categoryId ?? '', description: (v.description ?? '').trim(), urgency: v.urgency as (typeof URGENCIES)[number] },
      {
        onSuccess: (need) => {
          setCreated(need);
          window.scrollTo(0, 0);
          if (!v.photo) return;
          setPhoto({ status: 'uploading' });
          // A failed upload is shown with the photo, so this promise never rejects.
          void uploadAttachment(need.id, v.photo).then(
            () => setPhoto({ status: 'done' }),
            (e: unknown) => setPhoto({ status: 'failed', error: e }),
          );
        },
        onError: (e) => setError(form.serverErrors(e)),
      },
    );
  };

  if (created) {
    return (
      <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }} data-testid="report-need-done">
        <Outcome
          status="success"
          style={{ padding: '16px 0' }}
          title={t('myNeeds.submitted')}
          subTitle={<span data-testid="report-need-ref">{t('myNeeds.submittedSub', { ref: created.refNo })}</span>}
        />
        {created.dueAt && (
          <Typography.Text style={{ textAlign: 'center', display: 'block' }}>
            {t('field.dueLabel')} <DueTime dueAt={created.dueAt} overdue={created.overdue} />
          </Typography.Text>
        )}
        {photo?.status === 'uploading' && <Typography.Text type="secondary" style={{ textAlign: 'center', display: 'block' }}>{t('field.photoUploading')}</Typography.Text>}
        {photo?.status === 'done' && <Typography.Text type="success" style={{ textAlign: 'center', display: 'block' }}>{t('field.photoUploaded')}</Typography.Text>}
        {photo?.status === 'failed' && <Alert type="warning" showIcon title={`${t('field.photoFailed')} ${errorMessage(photo.error, t)}`} />}
        <Link to={`/my-needs/${created.id}`}>
          <Button type="primary" block style={{ height: 48 }} data-testid="report-need-view">{t('myNeeds.view')}</Button>
        </Link>
        <Link to="/my-needs">
          <Button block style={{ height: 48 }}>{t('myNeeds.backToList')}</Button>
        </Link>
      </Space>
    );
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }}>
      <Link to="/my-needs"><LeftOutlined /> {t('myNeeds.title')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('myNeeds.newTitle')}</Typography.Title>
      <Typography.Text type="secondary">{t('myNeeds.newHint')}</Typography.Text>
      <ErrorAlert error={error} />
      <Card size="small">
        <PlainFormElement onSubmit={submit}>
          <ShownField label={t('field.household')}>{household.data?.address ?? '…'}</ShownField>
          <CategoryField {...bound(form, 'categoryId')} districtId={household.data?.districtId} testId="report-need-category" />
          <TextField
            {...bound(form, 'description')}
            label={t('field.description')}
            rows={3}
            max={DESCRIPTION_MAX}
            placeholder={t('myNeeds.descriptionPlaceholder')}
            testId="report-need-description"
          />
          <PossibleDuplicates householdId={householdId} categoryId={form.values.categoryId} description={form.values.description} />
          <ChoiceField
            {...bound(form, 'urgency')}
            label={t('field.urgency')}
            options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
            testId="report-need-urgency"
          />
          <ShownField label={t('field.photo')}>
            <PhotoInput value={form.values.photo} onChange={(f) => form.setAt('photo', f)} testId="report-need-photo" />
          </ShownField>
          <Button type="primary" htmlType="submit" block loading={create.isPending} style={{ height: 52 }} data-testid="report-need-submit">
            {t('myNeeds.submit')}
          </Button>
        </PlainFormElement>
      </Card>
    </Space>
  );
}
