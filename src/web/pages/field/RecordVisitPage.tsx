import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import { useHousehold } from '../territory/queries.ts';
import { CategorySelect } from './CategorySelect.tsx';
import { CreatedNeeds, type PhotoResult } from './CreatedNeeds.tsx';
import { uploadAttachment, useCreateVisit, type CreateVisitBody, type VisitDetail } from './fieldQueries.ts';
import { HouseholdPicker } from './HouseholdPicker.tsx';
import { PhotoInput } from './PhotoInput.tsx';
import { matchPhotos } from './visitPhotos.ts';
import { requiredChoice, requiredText } from '../../components/rules.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

const KINDS = ['routine', 'follow_up', 'care', 'emergency'] as const;
const URGENCIES = ['normal', 'urgent', 'difficult'] as const;
const LOCAL = 'YYYY-MM-DDTHH:mm';

interface NeedValues {
  categoryId?: string;
  description?: string;
  urgency: (typeof URGENCIES)[number];
  beneficiaries?: number | null;
  photo?: File | null;
}
interface Values {
  householdId?: string;
  kind: CreateVisitBody['kind'];
  visitedAt: string;
  residentId?: string | null;
  notes?: string;
  findings?: string;
  needs: NeedValues[];
}

/** A visit in one quick form on the phone, with the needs found on it; saved in one request. */
export function RecordVisitPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const givenHousehold = params.get('householdId') ?? undefined;
  const givenResident = params.get('residentId') ?? undefined;
  const givenKind = params.get('kind');
  const initialKind: Values['kind'] = (KINDS as readonly string[]).includes(givenKind ?? '') ? (givenKind as Values['kind']) : givenResident ? 'care' : 'routine';
  const [form] = Form.useForm<Values>();
  const householdId = Form.useWatch('householdId', form) ?? givenHousehold;
  const kind = Form.useWatch('kind', form) ?? initialKind;
  const household = useHousehold(householdId);
  const create = useCreateVisit();
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<VisitDetail | null>(null);
  const [photos, setPhotos] = useState<PhotoResult[]>([]);

  const members = (household.data?.members ?? []).filter((m) => !m.status || m.status === 'active');

  const submit = (v: Values) => {
    setError(null);
    const body: CreateVisitBody = {
      householdId: v.householdId ?? givenHousehold ?? '',
      kind: v.kind,
      visitedAt: dayjs(v.visitedAt, LOCAL).toISOString(),
      residentId: v.residentId || undefined,
      notes: v.notes?.trim() || undefined,
      findings: v.findings?.trim() || undefined,
      needs: (v.needs ?? []).map((n) => ({
        categoryId: n.categoryId ?? '',
        description: (n.description ?? '').trim(),
        urgency: n.urgency,
        beneficiaries: n.beneficiaries ?? undefined,
      })),
    };
    create.mutate(body, {
      onSuccess: (visit) => {
        const uploads = matchPhotos(v.needs ?? [], visit);
        setPhotos(uploads.map((u) => ({ needId: u.needId, refNo: u.refNo, status: 'uploading' })));
        setCreated(visit);
        window.scrollTo(0, 0);
        // Each upload turns its failure into a result shown with its photo, so this never rejects.
        void Promise.all(
          uploads.map(async (u): Promise<PhotoResult> => {
            try {
              await uploadAttachment(u.needId, u.file);
              return { needId: u.needId, refNo: u.refNo, status: 'done' };
            } catch (e) {
              return { needId: u.needId, refNo: u.refNo, status: 'failed', error: e };
            }
          }),
        ).then(setPhotos);
      },
      onError: (e) => setError(applyServerErrors(form, e)),
    });
  };

  if (created) {
    return (
      <CreatedNeeds
        visit={created}
        photos={photos}
        onAnother={() => {
          setCreated(null);
          setPhotos([]);
          form.resetFields();
        }}
      />
    );
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('field.recordVisit')}</Typography.Title>
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        onFinish={submit}
        scrollToFirstError
        initialValues={{
          householdId: givenHousehold,
          kind: initialKind,
          visitedAt: dayjs().format(LOCAL),
          residentId: givenResident,
          needs: [],
        }}
      >
        <Card size="small" style={{ marginBottom: 12 }}>
          {givenHousehold ? (
            <Form.Item label={t('field.household')}>
              <Form.Item name="householdId" hidden>
                <Input />
              </Form.Item>
              <Typography.Text strong style={{ overflowWrap: 'anywhere' }} data-testid="visit-household-address">
                {household.data?.address ?? '…'}
              </Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item label={t('field.household')} name="householdId" rules={[{ required: true, message: t('field.householdRequired') }]}>
              <HouseholdPicker />
            </Form.Item>
          )}
          <Form.Item label={t('field.kind')} name="kind" rules={[requiredChoice(t, t('field.kind'))]}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="visit-kind" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
              {KINDS.map((k) => (
                <Radio.Button key={k} value={k} style={{ borderRadius: 6 }}>
                  {/* The test id sits on the visible label: the radio input itself is hidden. */}
                  <span data-testid={`visit-kind-${k}`}>{t(`visitKind.${k}`)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            label={kind === 'care' ? t('field.visitedResidentRequired') : t('field.visitedResident')}
            name="residentId"
            rules={kind === 'care' ? [{ required: true, message: t('field.residentRequired') }] : []}
          >
            <Select
              allowClear
              disabled={!householdId}
              loading={household.isLoading && !!householdId}
              placeholder={householdId ? t('field.residentPlaceholder') : t('field.pickHouseholdFirst')}
              options={members.map((m) => ({ value: m.id, label: `${m.name}${m.age !== undefined ? ` · ${t('field.age', { age: m.age })}` : ''}` }))}
              data-testid="visit-resident"
            />
          </Form.Item>
          <Form.Item label={t('field.visitedAt')} name="visitedAt" rules={[requiredText(t, t('field.visitedAt'))]}>
            <Input type="datetime-local" max={dayjs().add(5, 'minute').format(LOCAL)} data-testid="visit-time" />
          </Form.Item>
          <Form.Item label={t('field.notes')} name="notes">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} count={{ show: true, max: 4000 }} placeholder={t('field.notesPlaceholder')} data-testid="visit-notes" />
          </Form.Item>
          <Form.Item label={t('field.findings')} name="findings" style={{ marginBottom: 0 }}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} count={{ show: true, max: 4000 }} placeholder={t('field.findingsPlaceholder')} data-testid="visit-findings" />
          </Form.Item>
        </Card>

        <Form.List name="needs">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={t('field.needN', { n: i + 1 })}
                  data-testid="visit-need"
                  extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('field.removeNeed')} data-testid="visit-remove-need" />}
                >
                  <Form.Item label={t('field.category')} name={[f.name, 'categoryId']} rules={[{ required: true, message: t('field.categoryRequired') }]}>
                    <CategorySelect testId="visit-need-category" districtId={household.data?.districtId} />
                  </Form.Item>
                  <Form.Item label={t('field.description')} name={[f.name, 'description']} rules={[{ required: true, whitespace: true, message: t('field.descriptionRequired') }]}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} count={{ show: true, max: 2000 }} placeholder={t('field.descriptionPlaceholder')} data-testid="visit-need-description" />
                  </Form.Item>
                  <Form.Item label={t('field.urgency')} name={[f.name, 'urgency']}>
                    <Radio.Group optionType="button" data-testid="visit-need-urgency" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
                      {URGENCIES.map((u) => (
                        <Radio.Button key={u} value={u} style={{ borderRadius: 6 }}>{t(`urgency.${u}`)}</Radio.Button>
                      ))}
                    </Radio.Group>
                  </Form.Item>
                  <Form.Item label={t('field.beneficiaries')} name={[f.name, 'beneficiaries']}>
                    <InputNumber min={1} max={100000} precision={0} style={{ width: 140 }} inputMode="numeric" data-testid="visit-need-beneficiaries" />
                  </Form.Item>
                  <Form.Item label={t('field.photo')} name={[f.name, 'photo']} style={{ marginBottom: 0 }}>
                    <PhotoInput testId="visit-need-photo" />
                  </Form.Item>
                </Card>
              ))}
              <Button
                block
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ urgency: 'normal', beneficiaries: 1 })}
                disabled={fields.length >= 20}
                style={{ marginBottom: 16, height: 48 }}
                data-testid="visit-add-need"
              >
                {t('field.addNeed')}
              </Button>
            </>
          )}
        </Form.List>

        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" block loading={create.isPending} style={{ height: 52 }} data-testid="visit-submit">
            {t('field.submitVisit')}
          </Button>
          <Link to={household.data?.gridId ? `/field/grids/${household.data.gridId}` : '/field'}>
            <Button block type="link">{t('field.backToWorklist')}</Button>
          </Link>
        </Space>
      </Form>
    </Space>
  );
}
