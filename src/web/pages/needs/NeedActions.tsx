import { Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Rate, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { TransitionBody } from '../../../server/modules/needs/needs.schemas.ts';
import { useAuth } from '../../app/auth.tsx';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import {
  useCommonNeeds,
  useHandlers,
  useOrganizations,
  useSplit,
  useTransition,
  type NeedDetail,
} from './needQueries.ts';
import { requiredChoice, requiredText } from '../../components/rules.ts';
import { CategorySelect } from '../field/CategorySelect.tsx';
import { useNotices } from '../../app/notices.tsx';

/** The order actions are offered in: forward steps first, side steps after. */
const ORDER = ['accept', 'assign', 'resolve', 'answer_referral', 'resume', 'confirm', 'split', 'pool', 'wait', 'refer', 'merge', 'dispute', 'reject'];
const PRIMARY = new Set(['accept', 'assign', 'resolve', 'confirm', 'answer_referral', 'resume']);
const DANGER = new Set(['reject', 'dispute']);
/** Actions whose reason is what the resident is told (so no separate reply field). */
const REASONED = new Set(['reject', 'wait', 'dispute']);
/** The resident's own actions: their words are replies, and they write no internal notes. */
const RESIDENT_ACTIONS = new Set(['confirm', 'dispute']);

interface FormValues {
  reason?: string;
  note?: string;
  reply?: string;
  handlerUserId?: string;
  expectedDate?: Dayjs;
  referTo?: 'org' | 'department';
  referralOrgId?: string;
  referralDepartment?: string;
  answer?: string;
  outcome?: TransitionBody['outcome'];
  rating?: number;
  comment?: string;
  commonNeedId?: string;
  duplicateOf?: string;
  categoryId?: string;
  description?: string;
  urgency?: 'urgent' | 'normal' | 'difficult';
  beneficiaries?: number;
}

export interface OpenAction {
  action: string;
  /** Set when "merge into this" was chosen on a duplicate. */
  duplicateOf?: string;
}

/**
 * Buttons for the actions the server allows on this need; each opens a small form with what it
 * requires. The open form is the page's state, so the duplicates list can open the merge form too.
 */
export function NeedActions({ need, open, setOpen }: { need: NeedDetail; open: OpenAction | null; setOpen: (o: OpenAction | null) => void }) {
  const { t } = useTranslation();
  const actions = ORDER.filter((a) => need.allowedActions.includes(a));
  const opened = open;
  return (
    <>
      {actions.length > 0 && (
      <Space wrap data-testid="need-actions">
        {actions.map((a) => (
          <Button
            key={a}
            type={PRIMARY.has(a) ? 'primary' : 'default'}
            danger={DANGER.has(a)}
            onClick={() => setOpen({ action: a })}
            data-testid={`need-action-${a}`}
          >
            {t(`needAction.${a}`)}
          </Button>
        ))}
      </Space>
      )}
      {opened && <ActionModal key={`${opened.action}-${opened.duplicateOf ?? ''}`} need={need} action={opened.action} duplicateOf={opened.duplicateOf} onClose={() => setOpen(null)} />}
    </>
  );
}

function ActionModal({ need, action, duplicateOf, onClose }: { need: NeedDetail; action: string; duplicateOf?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const { me } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const transition = useTransition(need.id);
  const split = useSplit(need.id);
  const handlers = useHandlers(need.id, action === 'assign');
  const orgs = useOrganizations(action === 'refer');
  const commonNeeds = useCommonNeeds(need.communityId, action === 'pool');
  const referTo = Form.useWatch('referTo', form) ?? 'org';
  const outcome = Form.useWatch('outcome', form);
  const busy = transition.isPending || split.isPending;

  const submit = async (v: FormValues) => {
    setError(null);
    try {
      if (action === 'split') {
        const created = await split.mutateAsync({
          categoryId: v.categoryId!,
          description: v.description!.trim(),
          ...(v.urgency ? { urgency: v.urgency } : {}),
          ...(v.beneficiaries ? { beneficiaries: v.beneficiaries } : {}),
        });
        void message.success(t('needPage.splitDone', { refNo: created.refNo }));
        onClose();
        navigate(`/needs/${created.id}`);
        return;
      }
      const body: TransitionBody = { action: action as TransitionBody['action'] };
      if (v.reason) body.reason = v.reason.trim();
      if (v.note) body.note = v.note.trim();
      // Closing unresolved needs a reason: the reply is that reason.
      if (v.reply) body[action === 'resolve' && v.outcome === 'closed_unresolved' ? 'reason' : 'reply'] = v.reply.trim();
      if (v.handlerUserId) body.handlerUserId = v.handlerUserId;
      if (v.expectedDate) body.expectedDate = v.expectedDate.format('YYYY-MM-DD');
      if (action === 'refer' && referTo === 'org' && v.referralOrgId) body.referralOrgId = v.referralOrgId;
      if (action === 'refer' && referTo === 'department' && v.referralDepartment) body.referralDepartment = v.referralDepartment.trim();
      if (v.answer) body.answer = v.answer.trim();
      if (v.outcome) body.outcome = v.outcome;
      if (v.rating) body.rating = v.rating;
      if (v.comment) body.comment = v.comment.trim();
      if (v.commonNeedId) body.commonNeedId = v.commonNeedId;
      if (v.duplicateOf) body.duplicateOf = v.duplicateOf;
      await transition.mutateAsync(body);
      void message.success(t('needPage.actionDone', { action: t(`needAction.${action}`) }));
      onClose();
    } catch (e) {
      setError(applyServerErrors(form, e));
    }
  };

  const otherDuplicates = need.duplicates.map((d) => ({ value: d.id, label: `${d.refNo} · ${d.description.slice(0, 30)}` }));

  return (
    <Modal
      open
      title={t(`needAction.${action}`)}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>,
        <Button key="ok" type="primary" danger={DANGER.has(action)} loading={busy} onClick={() => form.submit()} data-testid="need-action-submit">
          {t(`needAction.${action}`)}
        </Button>,
      ]}
    >
      <ErrorAlert error={error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        // A refusal is about what was sent: once a field changes, its message goes.
        onValuesChange={() => setError(null)}
        initialValues={{ duplicateOf, referTo: 'org', urgency: need.urgency }}
        data-testid={`need-form-${action}`}
      >
        {action === 'split' && (
          <>
            <Form.Item name="categoryId" label={t('needPage.category')} rules={[requiredChoice(t, t('needPage.category'))]}>
              {/* Group headings are not offered: only categories a need can be filed under. */}
              <CategorySelect testId="split-category" districtId={need.districtId} />
            </Form.Item>
            <Form.Item name="description" label={t('needPage.description')} rules={[requiredText(t, t('needPage.description'))]}>
              <Input.TextArea rows={3} count={{ show: true, max: 2000 }} data-testid="split-description" />
            </Form.Item>
            <Form.Item name="urgency" label={t('needPage.urgency')}>
              <Select options={['urgent', 'normal', 'difficult'].map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
            </Form.Item>
            <Form.Item name="beneficiaries" label={t('needPage.beneficiaries')}>
              <InputNumber min={1} max={100000} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {action === 'assign' && (
          <Form.Item name="handlerUserId" label={t('needPage.handler')} rules={[requiredChoice(t, t('needPage.handler'))]} extra={t('needPage.handlerHint')}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={handlers.isLoading}
              data-testid="assign-handler"
              options={(handlers.data ?? []).map((h) => ({ value: h.userId, label: h.userId === me?.user.id ? t('needPage.me', { name: h.name }) : h.name }))}
            />
          </Form.Item>
        )}
        {action === 'merge' && (
          <Form.Item name="duplicateOf" label={t('needPage.duplicateOf')} rules={[requiredChoice(t, t('needPage.duplicateOf'))]}>
            <Select data-testid="merge-target" options={otherDuplicates} />
          </Form.Item>
        )}
        {action === 'pool' && (
          <Form.Item name="commonNeedId" label={t('needPage.commonNeed')} rules={[requiredChoice(t, t('needPage.commonNeed'))]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={commonNeeds.isLoading}
              data-testid="pool-target"
              options={(commonNeeds.data ?? []).map((c) => ({ value: c.id, label: `${c.title} · ${c.categoryName}` }))}
            />
          </Form.Item>
        )}
        {action === 'refer' && (
          <>
            <Form.Item name="referTo" label={t('needPage.referTo')}>
              <Radio.Group
                options={[
                  { value: 'org', label: t('needPage.referOrg') },
                  { value: 'department', label: t('needPage.referDepartment') },
                ]}
              />
            </Form.Item>
            {referTo === 'org' ? (
              <Form.Item name="referralOrgId" label={t('needPage.organization')} rules={[requiredChoice(t, t('needPage.organization'))]}>
                <Select showSearch optionFilterProp="label" loading={orgs.isLoading} data-testid="refer-org" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
              </Form.Item>
            ) : (
              <Form.Item name="referralDepartment" label={t('needPage.department')} rules={[requiredText(t, t('needPage.department'))]}>
                <Input count={{ show: true, max: 200 }} data-testid="refer-department" />
              </Form.Item>
            )}
          </>
        )}
        {action === 'wait' && (
          <Form.Item name="expectedDate" label={t('needPage.expectedDate')} rules={[requiredChoice(t, t('needPage.expectedDate'))]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="wait-date" />
          </Form.Item>
        )}
        {REASONED.has(action) && (
          <Form.Item name="reason" label={t('needForm.reason')} rules={[requiredText(t, t('needForm.reason'))]}>
            <Input.TextArea rows={3} count={{ show: true, max: 2000 }} data-testid="action-reason" />
          </Form.Item>
        )}
        {action === 'answer_referral' && (
          <Form.Item name="answer" label={t('needForm.answer')} rules={[requiredText(t, t('needForm.answer'))]}>
            <Input.TextArea rows={3} count={{ show: true, max: 2000 }} data-testid="action-answer" />
          </Form.Item>
        )}
        {action === 'resolve' && (
          <Form.Item name="outcome" label={t('needPage.outcome')} rules={[requiredChoice(t, t('needPage.outcome'))]}>
            <Radio.Group data-testid="resolve-outcome">
              <Space orientation="vertical">
                {(['fully', 'partly', 'closed_unresolved'] as const).map((o) => (
                  <Radio key={o} value={o} data-testid={`outcome-${o}`}>
                    {t(`outcome.${o}`)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        )}
        {action === 'confirm' && (
          <>
            <Form.Item name="rating" label={t('needPage.rating')} rules={[requiredChoice(t, t('needPage.rating'))]}>
              <Rate data-testid="confirm-rating" />
            </Form.Item>
            <Form.Item name="comment" label={t('needPage.comment')}>
              <Input.TextArea rows={2} count={{ show: true, max: 2000 }} />
            </Form.Item>
          </>
        )}
        {action !== 'split' && !REASONED.has(action) && !RESIDENT_ACTIONS.has(action) && (
          <Form.Item
            name="reply"
            label={t(action !== 'resolve' ? 'needForm.reply' : outcome === 'closed_unresolved' ? 'needForm.unresolvedReason' : 'needForm.outcomeNote')}
            extra={t('needForm.replyHint')}
            rules={action === 'resolve' && outcome === 'closed_unresolved' ? [requiredText(t, t('needForm.unresolvedReason'))] : []}
          >
            <Input.TextArea rows={2} count={{ show: true, max: 2000 }} data-testid="action-reply" />
          </Form.Item>
        )}
        {action !== 'split' && !RESIDENT_ACTIONS.has(action) && (
          <Form.Item name="note" label={t('needForm.note')} extra={t('needForm.noteHint')}>
            <Input.TextArea rows={2} count={{ show: true, max: 2000 }} data-testid="action-note" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
