import { Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { StreetView as Street } from '../../../server/modules/territory/structure.schemas.ts';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { SaveForm, useFormSave } from '../../components/SaveForm.tsx';
import { useChildren } from '../territory/queries.ts';
import { PeriodFields, periodOf, type PeriodValues } from './PeriodFields.tsx';
import { FUNDING_SOURCES, type ProjectView, useDraftableCommonNeeds } from './projectsApi.ts';
import { Typography } from '../../components/Typography.tsx';

interface Values extends PeriodValues {
  commonNeedIds: string[];
  title: string;
  objectives?: string;
  targetBeneficiaries?: number | null;
  budgetYuan: number;
  fundingSource: string;
  purchaserLevel: 'street' | 'district';
  purchaserStreetId?: string;
}

/** 起草项目: from one or more common needs; the budget is typed in yuan and kept in fen. */
export function ProjectDraftPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const origins = useDraftableCommonNeeds();
  const streets = useChildren<Street>('streets', {});
  const saver = useFormSave<Values, ProjectView>({
    mutationFn: (v) =>
      api.post<ProjectView>('/projects', {
        commonNeedIds: v.commonNeedIds,
        title: v.title.trim(),
        objectives: v.objectives?.trim() || undefined,
        targetBeneficiaries: v.targetBeneficiaries ?? undefined,
        budgetFen: Math.round(v.budgetYuan * 100),
        fundingSource: v.fundingSource,
        ...periodOf(v),
        purchaserLevel: v.purchaserLevel,
        purchaserStreetId: v.purchaserLevel === 'street' ? v.purchaserStreetId : undefined,
      }),
    invalidate: ['projects', 'common-needs', 'three-lists'],
    onSaved: (p) => navigate(`/projects/${p.id}`),
  });
  const level = Form.useWatch('purchaserLevel', saver.form);
  const preset = params.getAll('commonNeedIds');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('projects.draft')}</Typography.Title>
      <SaveForm<Values> saver={saver} initialValues={{ commonNeedIds: preset, fundingSource: 'government_purchase', purchaserLevel: 'district' }}>
        <Form.Item name="commonNeedIds" label={t('projects.origins')} extra={t('projects.originsHelp')} rules={[requiredChoice(t, t('projects.origins'))]}>
          <Select
            mode="multiple"
            loading={origins.isLoading}
            optionFilterProp="label"
            data-testid="origins"
            options={(origins.data ?? []).map((c) => ({
              value: c.id,
              label: `${c.title} · ${t(`commonNeedLevel.${c.level}`)} · ${t('projects.households', { count: c.householdCount })}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('projects.name')} rules={[requiredText(t, t('projects.name')), tooLong(t, t('projects.name'), 100)]}>
          <Input count={{ show: true, max: 100 }} data-testid="project-title" />
        </Form.Item>
        <Form.Item name="objectives" label={t('projects.objectives')} rules={[tooLong(t, t('projects.objectives'), 4000)]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="budgetYuan" label={t('projects.budget')} rules={[requiredText(t, t('projects.budget'))]}>
          <InputNumber min={0} max={1_000_000_000} precision={2} style={{ width: '100%' }} prefix="¥" data-testid="budget" />
        </Form.Item>
        <Form.Item name="fundingSource" label={t('projects.fundingSource')} rules={[requiredChoice(t, t('projects.fundingSource'))]}>
          <Select options={FUNDING_SOURCES.map((f) => ({ value: f, label: t(`fundingSource.${f}`) }))} />
        </Form.Item>
        <Form.Item name="targetBeneficiaries" label={t('projects.targetBeneficiaries')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <PeriodFields />
        <Form.Item name="purchaserLevel" label={t('projects.purchaser')} rules={[requiredChoice(t, t('projects.purchaser'))]}>
          <Radio.Group
            options={[
              { value: 'district', label: t('projects.purchaserDistrict') },
              { value: 'street', label: t('projects.purchaserStreet') },
            ]}
          />
        </Form.Item>
        {level === 'street' && (
          <Form.Item name="purchaserStreetId" label={t('projects.purchaserStreet')} rules={[requiredChoice(t, t('projects.purchaserStreet'))]}>
            <Select loading={streets.isLoading} options={(streets.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={saver.saving} data-testid="save-draft">{t('projects.saveDraft')}</Button>
      </SaveForm>
    </Space>
  );
}
