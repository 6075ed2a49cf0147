import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client.ts';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import type { ResourceView } from '../lists/listsApi.ts';
import { PeriodFields, periodOf, type PeriodValues } from './PeriodFields.tsx';
import type { CommitmentView } from './projectsApi.ts';

interface Values extends PeriodValues {
  resourceId: string;
  terms: string;
}

/** Records a resource committed to the project with its terms (the kitchen, free at noon on working days). */
export function CommitResource({ projectId, communityId }: { projectId: string; communityId: string | undefined }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const resources = useQuery({
    queryKey: ['resources', 'for-commitment', communityId],
    queryFn: () => api.get<Page<ResourceView>>('/resources', { communityId, status: 'active', limit: 200 }),
    enabled: open,
  });
  const saver = useFormSave<Values, CommitmentView>({
    mutationFn: (v) =>
      api.post(`/projects/${projectId}/commitments`, {
        resourceId: v.resourceId,
        terms: v.terms.trim(),
        ...periodOf(v),
      }),
    invalidate: ['projects'],
    onSaved: () => setOpen(false),
  });
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="project-commit_resource">{t('projectAction.commit_resource')}</Button>
      {open && (
        <FormModal<Values> title={t('projectAction.commit_resource')} saver={saver} initialValues={{}} onClose={() => setOpen(false)} saveTestId="commitment-save">
          <Form.Item name="resourceId" label={t('projects.resource')} rules={[requiredChoice(t, t('projects.resource'))]}>
            <Select showSearch optionFilterProp="label" loading={resources.isLoading} options={(resources.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))} />
          </Form.Item>
          <Form.Item name="terms" label={t('projects.terms')} rules={[requiredText(t, t('projects.terms')), tooLong(t, t('projects.terms'), 2000)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('projects.termsPlaceholder')} />
          </Form.Item>
          <PeriodFields />
        </FormModal>
      )}
    </>
  );
}
