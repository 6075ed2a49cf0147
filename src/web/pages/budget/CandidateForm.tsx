import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { SaveForm, useFormSave } from '../../components/SaveForm.tsx';
import { CategorySelect } from '../field/CategorySelect.tsx';
import { useCommunityChoices } from '../volunteers/communities.ts';
import { addCandidate, ROUNDS_KEY, type RoundDetail } from './budgetQueries.ts';
import { useNotices } from '../../app/notices.tsx';

interface Values {
  title: string;
  description?: string;
  costYuan: number;
  categoryId: string;
  communityId?: string;
}

/**
 * 添加候选项目 to a draft round: a project staff put forward (those from a council decision
 * come in with the decision). A street round's candidate belongs to one of its communities.
 */
export function CandidateForm({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const street = round.unit.kind === 'street';
  const choices = useCommunityChoices(street);
  const communities = choices.all.filter((c) => c.streetId === round.unit.id);
  const saver = useFormSave<Values, RoundDetail>({
    mutationFn: (v) =>
      addCandidate(round.id, {
        title: v.title.trim(),
        ...(v.description?.trim() ? { description: v.description.trim() } : {}),
        costFen: Math.round(v.costYuan * 100),
        categoryId: v.categoryId,
        ...(street && v.communityId ? { communityId: v.communityId } : {}),
        source: 'staff',
      }),
    invalidate: [ROUNDS_KEY],
    onSaved: (fresh) => {
      void message.success(t('budget.candidate.added', { title: fresh.candidates.at(-1)?.title ?? '' }));
      saver.form.resetFields();
    },
  });
  return (
    <div data-testid="candidate-form">
      <SaveForm<Values> saver={saver} initialValues={{}} style={{ maxWidth: 720 }}>
        <Form.Item name="title" label={t('budget.candidate.title')} rules={[requiredText(t, t('budget.candidate.title')), { whitespace: true, message: t('common.requiredText', { field: t('budget.candidate.title') }) }, tooLong(t, t('budget.candidate.title'), 60)]}>
          <Input placeholder={t('budget.candidate.titlePlaceholder')} data-testid="candidate-title" />
        </Form.Item>
        <Form.Item name="description" label={t('budget.candidate.description')} rules={[tooLong(t, t('budget.candidate.description'), 2000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} showCount maxLength={2000} data-testid="candidate-description" />
        </Form.Item>
        <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
          <Form.Item name="costYuan" label={t('budget.candidate.cost')} rules={[requiredText(t, t('budget.candidate.cost'))]} style={{ flex: '1 1 160px' }}>
            <InputNumber size="large" min={0.01} max={1_000_000_000} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="candidate-cost" />
          </Form.Item>
          <Form.Item name="categoryId" label={t('budget.candidate.category')} rules={[requiredChoice(t, t('budget.candidate.category'))]} style={{ flex: '2 1 240px' }}>
            <CategorySelect testId="candidate-category" />
          </Form.Item>
          {street && (
            <Form.Item name="communityId" label={t('budget.candidate.community')} rules={[requiredChoice(t, t('budget.candidate.community'))]} style={{ flex: '1 1 200px' }}>
              <Select size="large" options={choices.options(communities)} loading={choices.query.isLoading} data-testid="candidate-community" />
            </Form.Item>
          )}
        </div>
        <Button type="primary" htmlType="submit" loading={saver.saving} data-testid="add-candidate-submit">{t('budget.candidate.add')}</Button>
      </SaveForm>
    </div>
  );
}
