import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/feedback.tsx';
import { bound, ChoiceField, PlainFormElement, SelectField, ShownField, TextField } from '../../components/PlainFields.tsx';
import { usePlainForm, type Problems } from '../../components/plainForm.ts';
import { useHousehold } from '../territory/queries.ts';
import { CategoryField } from './CategoryField.tsx';
import { CreatedNeeds, type PhotoResult } from './CreatedNeeds.tsx';
import { uploadAttachment, useCreateVisit, type CreateVisitBody, type VisitDetail } from './fieldQueries.ts';
import { HouseholdPicker } from './HouseholdPicker.tsx';
import { PhotoInput } from './PhotoInput.tsx';
import { matchPhotos } from './visitPhotos.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

const KINDS = ['routine', 'follow_up', 'care', 'emergency'] as const;
const URGENCIES = ['normal', 'urgent', 'difficult'] as const;
const LOCAL = 'YYYY-MM-DDTHH:mm';

const NOTES_MAX = 4000;
const DESCRIPTION_MAX = 2000;
const MAX_NEEDS = 20;

interface NeedValues {
  /** Keeps each need's fields in place when one above it is removed. */
  key: number;
  categoryId?: string | undefined;
  description?: string | undefined;
  urgency: string;
  beneficiaries: string;
  photo: File | null;
}
interface Values {
  householdId?: string | undefined;
  kind: string;
  visitedAt: string;
  residentId?: string | undefined;
  notes?: string | undefined;
  findings?: string | undefined;
  needs: NeedValues[];
}

let needKeys = 0;

/** A visit in one quick form on the phone, with the needs found on it; saved in one request. */
export function RecordVisitPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const givenHousehold = params.get('householdId') ?? undefined;
  const givenResident = params.get('residentId') ?? undefined;
  const givenKind = params.get('kind');
  const initialKind = (KINDS as readonly string[]).includes(givenKind ?? '') ? givenKind! : givenResident ? 'care' : 'routine';
  const blank = (): Values => ({ householdId: givenHousehold, kind: initialKind, visitedAt: dayjs().format(LOCAL), residentId: givenResident, needs: [] });
  const form = usePlainForm<Values>('visit', blank, (v) => {
    const problems: Problems = {};
    const tooLong = (path: string, field: string, text: string | undefined, max: number) => {
      if ((text ?? '').trim().length > max) problems[path] = t('common.tooLong', { field, max });
    };
    if (!v.householdId) problems.householdId = t('field.householdRequired');
    if (v.kind === 'care' && !v.residentId) problems.residentId = t('field.residentRequired');
    if (!v.visitedAt) problems.visitedAt = t('common.requiredText', { field: t('field.visitedAt') });
    tooLong('notes', t('field.notes'), v.notes, NOTES_MAX);
    tooLong('findings', t('field.findings'), v.findings, NOTES_MAX);
    v.needs.forEach((n, i) => {
      if (!n.categoryId) problems[`needs.${i}.categoryId`] = t('field.categoryRequired');
      if (!(n.description ?? '').trim()) problems[`needs.${i}.description`] = t('field.descriptionRequired');
      tooLong(`needs.${i}.description`, t('field.description'), n.description, DESCRIPTION_MAX);
      if (n.beneficiaries.trim() && !/^[1-9]\d{0,4}$|^100000$/.test(n.beneficiaries.trim())) problems[`needs.${i}.beneficiaries`] = t('field.beneficiariesInvalid');
    });
    return problems;
  });
  const v = form.values;
  const householdId = v.householdId;
  const household = useHousehold(householdId);
  const create = useCreateVisit();
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<VisitDetail | null>(null);
  const [photos, setPhotos] = useState<PhotoResult[]>([]);

  const members = (household.data?.members ?? []).filter((m) => !m.status || m.status === 'active');

  const submit = () => {
    setError(null);
    if (!form.validate()) return;
    const body: CreateVisitBody = {
      householdId: v.householdId ?? '',
      kind: v.kind as CreateVisitBody['kind'],
      visitedAt: dayjs(v.visitedAt, LOCAL).toISOString(),
      residentId: v.residentId || undefined,
      notes: v.notes?.trim() || undefined,
      findings: v.findings?.trim() || undefined,
      needs: v.needs.map((n) => ({
        categoryId: n.categoryId ?? '',
        description: (n.description ?? '').trim(),
        urgency: n.urgency as (typeof URGENCIES)[number],
        beneficiaries: n.beneficiaries.trim() ? Number(n.beneficiaries) : undefined,
      })),
    };
    create.mutate(body, {
      onSuccess: (visit) => {
        const uploads = matchPhotos(v.needs, visit);
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
      onError: (e) => setError(form.serverErrors(e)),
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
          form.reset(blank());
        }}
      />
    );
  }

  const setNeeds = (needs: NeedValues[]) => form.update((all) => ({ ...all, needs }));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('field.recordVisit')}</Typography.Title>
      <ErrorAlert error={error} />
      <PlainFormElement onSubmit={submit} testId="visit-form">
        <Card size="small" style={{ marginBottom: 12 }}>
          {givenHousehold ? (
            <ShownField label={t('field.household')}>
              <strong data-testid="visit-household-address">{household.data?.address ?? '…'}</strong>
            </ShownField>
          ) : (
            <HouseholdPicker {...bound(form, 'householdId')} onChange={(h) => form.update((all) => ({ ...all, householdId: h, residentId: undefined }))} />
          )}
          <ChoiceField
            {...bound(form, 'kind')}
            label={t('field.kind')}
            options={KINDS.map((k) => ({ value: k, label: t(`visitKind.${k}`), testId: `visit-kind-${k}` }))}
            testId="visit-kind"
          />
          <SelectField
            {...bound(form, 'residentId')}
            label={v.kind === 'care' ? t('field.visitedResidentRequired') : t('field.visitedResident')}
            disabled={!householdId}
            placeholder={!householdId ? t('field.pickHouseholdFirst') : household.isLoading ? t('common.loading') : t('field.residentPlaceholder')}
            options={members.map((m) => ({ value: m.id, label: `${m.name}${m.age !== undefined ? ` · ${t('field.age', { age: m.age })}` : ''}` }))}
            testId="visit-resident"
          />
          <TextField {...bound(form, 'visitedAt')} label={t('field.visitedAt')} type="datetime-local" maxValue={dayjs().add(5, 'minute').format(LOCAL)} testId="visit-time" />
          <TextField {...bound(form, 'notes')} label={t('field.notes')} rows={2} max={NOTES_MAX} placeholder={t('field.notesPlaceholder')} testId="visit-notes" />
          <TextField {...bound(form, 'findings')} label={t('field.findings')} rows={2} max={NOTES_MAX} placeholder={t('field.findingsPlaceholder')} testId="visit-findings" />
        </Card>

        {v.needs.map((n, i) => (
          <Card
            key={n.key}
            size="small"
            style={{ marginBottom: 12 }}
            title={t('field.needN', { n: i + 1 })}
            data-testid="visit-need"
            extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => setNeeds(v.needs.filter((x) => x.key !== n.key))} aria-label={t('field.removeNeed')} data-testid="visit-remove-need" />}
          >
            <CategoryField {...bound(form, `needs.${i}.categoryId`)} districtId={household.data?.districtId} testId="visit-need-category" />
            <TextField
              {...bound(form, `needs.${i}.description`)}
              label={t('field.description')}
              rows={2}
              max={DESCRIPTION_MAX}
              placeholder={t('field.descriptionPlaceholder')}
              testId="visit-need-description"
            />
            <ChoiceField {...bound(form, `needs.${i}.urgency`)} label={t('field.urgency')} options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} testId="visit-need-urgency" />
            <TextField {...bound(form, `needs.${i}.beneficiaries`)} label={t('field.beneficiaries')} type="number" inputMode="numeric" min={1} maxValue={100000} testId="visit-need-beneficiaries" />
            <ShownField label={t('field.photo')}>
              <PhotoInput value={n.photo} onChange={(f) => form.setAt(`needs.${i}.photo`, f)} testId="visit-need-photo" />
            </ShownField>
          </Card>
        ))}
        <Button
          block
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => setNeeds([...v.needs, { key: ++needKeys, urgency: 'normal', beneficiaries: '1', photo: null }])}
          disabled={v.needs.length >= MAX_NEEDS}
          style={{ marginBottom: 16, height: 48 }}
          data-testid="visit-add-need"
        >
          {t('field.addNeed')}
        </Button>

        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" block loading={create.isPending} style={{ height: 52 }} data-testid="visit-submit">
            {t('field.submitVisit')}
          </Button>
          <Link to={household.data?.gridId ? `/field/grids/${household.data.gridId}` : '/field'}>
            <Button block type="link">{t('field.backToWorklist')}</Button>
          </Link>
        </Space>
      </PlainFormElement>
    </Space>
  );
}
