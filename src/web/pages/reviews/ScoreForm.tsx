import { Button, Col, Descriptions, Form, Grid, Input, InputNumber, Row, Space, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useFormSave } from '../../components/SaveForm.tsx';
import { requiredText } from '../../components/rules.ts';
import { points, REVIEWS_KEY, saveReview, type Criterion, type MyReview, type SheetItem } from './reviewQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

type Scores = Record<string, number | null | undefined>;
interface ScoreValues {
  scores: Scores;
  comment?: string;
}

const sumOf = (scores: Scores) => Object.values(scores).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
/** A draft may leave criteria empty: only the figures given are sent. */
const given = (scores: Scores) => Object.fromEntries(Object.entries(scores).filter((e): e is [string, number] => typeof e[1] === 'number'));

function useCriterionName() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (c: Criterion) => c.name[lang];
}

/**
 * The reviewer's score sheet for one application: a figure per criterion to one decimal, the
 * running total, a comment. A draft saves whatever is filled in; handing in needs every
 * criterion and a confirmation, since the server then keeps the sheet as it is.
 */
export function ScoreForm({ item, criteria }: { item: SheetItem; criteria: Criterion[] }) {
  const { t } = useTranslation();
  const { modal, message } = useNotices();
  const nameOf = useCriterionName();
  const [handingIn, setHandingIn] = useState(false);
  const saver = useFormSave<ScoreValues & { submit: boolean }, MyReview>({
    mutationFn: ({ scores, comment, submit }) => saveReview(item.applicationId, { scores: given(scores), comment: comment?.trim() ?? '', submit }),
    invalidate: [REVIEWS_KEY],
    onSaved: (r) => void message.success(t(r.state === 'submitted' ? 'reviews.submittedDone' : 'reviews.draftSaved')),
  });
  const form = saver.form;
  const watched = Form.useWatch('scores', form) as Scores | undefined;
  const total = sumOf(watched ?? item.scores);
  const max = criteria.reduce((s, c) => s + c.maxPoints, 0);

  const saveDraft = () => {
    // A draft needs no figure: clear what a refused hand-in marked as missing.
    form.setFields(criteria.map((c) => ({ name: ['scores', c.id], errors: [] })));
    setHandingIn(false);
    saver.submit({ ...(form.getFieldsValue() as ScoreValues), submit: false });
  };
  const handIn = () => {
    form.validateFields().then(
      (v) => {
        modal.confirm({
          title: t('reviews.submitTitle'),
          content: t('reviews.submitConfirm', { total: points(sumOf(v.scores)) }),
          okText: t('reviews.submit'),
          cancelText: t('common.cancel'),
          okButtonProps: { 'data-testid': 'review-submit-ok' } as ButtonProps,
          onOk: () => {
            setHandingIn(true);
            saver.submit({ ...v, submit: true });
          },
        });
      },
      () => undefined,
    );
  };

  return (
    <>
      <ErrorAlert error={saver.error} />
      <Form
        form={form}
        name={`review-${item.applicationId}`}
        layout="vertical"
        initialValues={{ scores: item.scores, comment: item.comment }}
        data-testid="review-form"
      >
        <Row gutter={16}>
          {criteria.map((c) => (
            <Col key={c.id} xs={24} md={12}>
              <Form.Item name={['scores', c.id]} label={t('reviews.criterionLabel', { name: nameOf(c), max: c.maxPoints })} rules={[requiredText(t, nameOf(c))]}>
                <InputNumber min={0} max={c.maxPoints} step={0.1} precision={1} inputMode="decimal" style={{ width: '100%' }} data-testid={`review-score-${c.id}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Typography.Paragraph aria-live="polite">
          <Typography.Text strong data-testid="review-total">{t('reviews.totalLine', { total: points(total), max })}</Typography.Text>
        </Typography.Paragraph>
        <Form.Item name="comment" label={t('reviews.comment')}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('reviews.commentPlaceholder')} data-testid="review-comment" />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('reviews.draftHint')}</Typography.Paragraph>
        <Space wrap>
          <Button onClick={saveDraft} loading={saver.saving && !handingIn} disabled={saver.saving && handingIn} data-testid="review-save-draft">{t('reviews.saveDraft')}</Button>
          <Button type="primary" onClick={handIn} loading={saver.saving && handingIn} disabled={saver.saving && !handingIn} data-testid="review-submit">{t('reviews.submit')}</Button>
        </Space>
      </Form>
    </>
  );
}

/** A sheet handed in (or kept after the panel closed): the figures as the server holds them. */
export function ScoresReadOnly({ item, criteria }: { item: SheetItem; criteria: Criterion[] }) {
  const { t } = useTranslation();
  const nameOf = useCriterionName();
  const max = criteria.reduce((s, c) => s + c.maxPoints, 0);
  const narrow = !Grid.useBreakpoint().md;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="review-scores">
      <Descriptions size="small" bordered column={1} layout={narrow ? 'vertical' : 'horizontal'} title={t('reviews.yourScores')}>
        {criteria.map((c) => (
          <Descriptions.Item key={c.id} label={nameOf(c)}>
            {typeof item.scores[c.id] === 'number' ? points(item.scores[c.id]!) : '—'} / {c.maxPoints}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('reviews.total')}>
          <Typography.Text strong data-testid="review-total">{t('reviews.totalOf', { total: points(item.total ?? 0), max })}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('reviews.comment')}>
          <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.comment || '—'}</span>
        </Descriptions.Item>
      </Descriptions>
      {item.submittedAt && <Typography.Text type="secondary">{t('reviews.handedIn', { at: dayjs(item.submittedAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>}
    </Space>
  );
}
