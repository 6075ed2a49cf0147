import { LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Form, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { applyServerErrors, ErrorAlert, errorMessage } from '../../components/feedback.tsx';
import { DueTime } from '../../components/DueTime.tsx';
import { useHousehold } from '../territory/queries.ts';
import { CategorySelect } from './CategorySelect.tsx';
import { uploadAttachment, useCreateNeed, useMyHouseholdId, type NeedView } from './fieldQueries.ts';
import { PossibleDuplicates } from './PossibleDuplicates.tsx';
import { PhotoInput } from './PhotoInput.tsx';
import { Outcome } from '../../components/Outcome.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

// "Difficult" is the staff's judgement after triage; a resident says whether it is urgent.
const URGENCIES = ['normal', 'urgent'] as const;

interface Values {
  categoryId?: string;
  description?: string;
  urgency: (typeof URGENCIES)[number];
  photo?: File | null;
}

/** A resident reports a need of their own household from the phone. */
export function ReportNeedPage() {
  const { t } = useTranslation();
  const householdId = useMyHouseholdId();
  const household = useHousehold(householdId);
  const [form] = Form.useForm<Values>();
  const categoryId = Form.useWatch('categoryId', form);
  const description = Form.useWatch('description', form);
  const create = useCreateNeed();
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<NeedView | null>(null);
  const [photo, setPhoto] = useState<{ status: 'uploading' | 'done' | 'failed'; error?: unknown } | null>(null);

  if (!householdId) return <Empty description={t('myNeeds.noHousehold')} />;

  const submit = (v: Values) => {
    setError(null);
    create.mutate(
      { source: 'resident', householdId, categoryId: v.categoryId ?? '', description: (v.description ?? '').trim(), urgency: v.urgency },
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
        onError: (e) => setError(applyServerErrors(form, e)),
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
        <Form<Values> form={form} layout="vertical" size="large" onFinish={submit} initialValues={{ urgency: 'normal' }} scrollToFirstError>
          <Form.Item label={t('field.household')}>
            <Typography.Text style={{ overflowWrap: 'anywhere' }}>{household.data?.address ?? '…'}</Typography.Text>
          </Form.Item>
          <Form.Item label={t('field.category')} name="categoryId" rules={[{ required: true, message: t('field.categoryRequired') }]}>
            <CategorySelect testId="report-need-category" districtId={household.data?.districtId} />
          </Form.Item>
          <Form.Item label={t('field.description')} name="description" rules={[{ required: true, whitespace: true, message: t('field.descriptionRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} count={{ show: true, max: 2000 }} placeholder={t('myNeeds.descriptionPlaceholder')} data-testid="report-need-description" />
          </Form.Item>
          <PossibleDuplicates householdId={householdId} categoryId={categoryId} description={description} />
          <Form.Item label={t('field.urgency')} name="urgency">
            <Radio.Group optionType="button" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} data-testid="report-need-urgency">
              {URGENCIES.map((u) => (
                <Radio.Button key={u} value={u} style={{ borderRadius: 6 }}>{t(`urgency.${u}`)}</Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('field.photo')} name="photo">
            <PhotoInput testId="report-need-photo" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={create.isPending} style={{ height: 52 }} data-testid="report-need-submit">
            {t('myNeeds.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
