import { DatePicker, Form, Input, InputNumber, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';
import { FormModal, useFormSave } from '../../components/SaveForm.tsx';
import { createRound, ROUND_RULES, ROUNDS_KEY, type RoundDetail, type RoundRule, type Unit } from './budgetQueries.ts';
import { Typography } from '../../components/Typography.tsx';

interface Values {
  title: string;
  totalYuan: number;
  rule: RoundRule;
  maxChoices?: number | null;
  opensAt: Dayjs;
  closesAt: Dayjs;
}

/** 新建预算轮次: a draft round of the unit on the page; candidates are added on the round's page. */
export function RoundForm({ unit, unitName, onClose }: { unit: Unit; unitName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const saver = useFormSave<Values, RoundDetail>({
    mutationFn: (v) =>
      createRound({
        ...(unit.streetId ? { streetId: unit.streetId } : { communityId: unit.communityId }),
        title: v.title.trim(),
        totalBudgetFen: Math.round(v.totalYuan * 100),
        rule: v.rule,
        maxChoices: v.maxChoices ?? null,
        opensAt: v.opensAt.second(0).millisecond(0).toISOString(),
        closesAt: v.closesAt.second(0).millisecond(0).toISOString(),
      }),
    invalidate: [ROUNDS_KEY],
    onSaved: (round) => {
      onClose();
      navigate(`/budget-rounds/${round.id}`);
    },
  });
  const start = dayjs().add(1, 'day').startOf('day').hour(8);
  return (
    <FormModal<Values>
      title={t('budget.form.title')}
      onClose={onClose}
      saver={saver}
      saveTestId="round-save"
      initialValues={{ rule: 'approval', opensAt: start, closesAt: start.add(14, 'day').hour(20) }}
    >
      <div data-testid="round-form">
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('budget.form.forUnit', { unit: unitName })}</Typography.Paragraph>
        <Form.Item name="title" label={t('budget.form.name')} rules={[requiredText(t, t('budget.form.name')), { whitespace: true, message: t('common.requiredText', { field: t('budget.form.name') }) }, tooLong(t, t('budget.form.name'), 60)]}>
          <Input placeholder={t('budget.form.namePlaceholder')} data-testid="round-title" />
        </Form.Item>
        <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
          <Form.Item name="totalYuan" label={t('budget.form.total')} rules={[requiredText(t, t('budget.form.total'))]} style={{ flex: '1 1 200px' }}>
            <InputNumber min={0.01} max={1_000_000_000} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="round-total" />
          </Form.Item>
          <Form.Item name="maxChoices" label={t('budget.form.maxChoices')} extra={t('budget.form.maxChoicesHint')} style={{ flex: '1 1 160px' }}>
            <InputNumber min={1} max={20} precision={0} placeholder={t('budget.form.noLimit')} style={{ width: '100%' }} data-testid="round-max-choices" />
          </Form.Item>
        </div>
        <Form.Item name="rule" label={t('budget.form.rule')} rules={[requiredChoice(t, t('budget.form.rule'))]}>
          <Radio.Group data-testid="round-rule">
            <Space orientation="vertical" size={8}>
              {ROUND_RULES.map((r) => (
                <Radio key={r} value={r} data-testid={`round-rule-${r}`}>
                  <Typography.Text strong>{t(`budget.rule.${r}`)}</Typography.Text>
                  <div><Typography.Text type="secondary">{t(`budget.ruleHint.${r}`)}</Typography.Text></div>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
          <Form.Item name="opensAt" label={t('budget.form.opensAt')} rules={[requiredChoice(t, t('budget.form.opensAt'))]} style={{ flex: '1 1 200px' }}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="round-opens" />
          </Form.Item>
          <Form.Item
            name="closesAt"
            label={t('budget.form.closesAt')}
            dependencies={['opensAt']}
            rules={[
              requiredChoice(t, t('budget.form.closesAt')),
              ({ getFieldValue }) => ({
                validator: (_, v: Dayjs | undefined) => {
                  const opens = getFieldValue('opensAt') as Dayjs | undefined;
                  return !v || !opens || v.isAfter(opens) ? Promise.resolve() : Promise.reject(new Error(t('budget.form.closesAfterOpens')));
                },
              }),
            ]}
            style={{ flex: '1 1 200px' }}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="round-closes" />
          </Form.Item>
        </div>
        <Typography.Text type="secondary">{t('budget.form.afterHint')}</Typography.Text>
      </div>
    </FormModal>
  );
}
