import { Button, Form, Input, Space, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { tooLong } from '../../components/rules.ts';
import { SaveForm } from '../../components/SaveForm.tsx';
import type { CaseDetail, CaseStep, ReviewAction } from './caseQueries.ts';
import { useStepSave } from './StepForm.tsx';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

interface Values {
  action: ReviewAction;
  comment?: string;
}

/**
 * The supervisor's decision on a plan or a closing, in one place: an optional comment, approve
 * (asked once more: an approved closing resolves the need), or return with the comment as the
 * reason the worker reads.
 */
export function ReviewForm({ c, onDone }: { c: CaseDetail; onDone: (step: CaseStep) => void }) {
  const { t } = useTranslation();
  const { modal } = useNotices();
  const stage = c.allowedActions.includes('approve_closing') ? 'closing' : 'plan';
  const approve: ReviewAction = `approve_${stage}`;
  const back: ReviewAction = `return_${stage}`;
  const saver = useStepSave<Values, 'review'>(c.id, 'review', (v) => ({ action: v.action, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) }), onDone);
  const comment = () => (saver.form.getFieldValue('comment') as string | undefined) ?? '';
  const confirmApproval = () => {
    modal.confirm({
      title: t(`caseReview.${approve}`),
      content: t(`case.approveConfirm.${stage}${stage === 'closing' && c.needId ? 'WithNeed' : ''}`),
      okText: t(`caseAction.${approve}`),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'case-review-approve-ok' } as ButtonProps,
      onOk: () => saver.submit({ action: approve, comment: comment() }),
    });
  };
  const sendBack = () => {
    if (!comment().trim()) {
      saver.form.setFields([{ name: 'comment', errors: [t('case.returnNeedsComment')] }]);
      return;
    }
    saver.submit({ action: back, comment: comment() });
  };
  return (
    <div data-testid="case-review-form">
      <Typography.Paragraph>{t(`case.reviewHint.${stage}`)}</Typography.Paragraph>
      <SaveForm<Values> saver={saver} initialValues={{}}>
        <Form.Item name="comment" label={t('case.reviewComment')} extra={t('case.reviewCommentHint')} rules={[tooLong(t, t('case.reviewComment'), 1000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="case-review-comment" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" onClick={confirmApproval} loading={saver.saving} data-testid="case-review-approve">{t(`caseAction.${approve}`)}</Button>
          <Button onClick={sendBack} disabled={saver.saving} data-testid="case-review-return">{t(`caseAction.${back}`)}</Button>
        </Space>
      </SaveForm>
    </div>
  );
}
