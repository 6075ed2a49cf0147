import { Button, Col, Form, Input, InputNumber, Row, Space, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import { requiredText } from '../../components/rules.ts';
import { saveEvaluation, useEvaluationStep, type Band, type DraftBody, type EvaluationView, type Indicator } from './evaluationQueries.ts';
import { GradeTag } from './EvaluationTags.tsx';
import { useIndicatorName } from './IndicatorTable.tsx';
import { awardedUnder, given, gradeFor, leavesOf, maxOf, points, sumOf, type Awarded } from './scoring.ts';
import { SubmitDialog } from './SubmitDialog.tsx';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';

interface SheetValues {
  awarded: Awarded;
  findings?: string;
}

/**
 * The server names a points problem `awarded.<indicator id>`, and ids hold dots themselves:
 * those land on their input; anything else goes where the shared helper puts it.
 */
function placeErrors(form: FormInstance<SheetValues>, error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const onPoints = error.fields.filter((f) => f.field.startsWith('awarded.'));
  form.setFields(onPoints.map((f) => ({ name: ['awarded', f.field.slice('awarded.'.length)], errors: [f.message] })));
  const rest = error.fields.filter((f) => !onPoints.includes(f));
  if (onPoints.length && !rest.length) return null;
  return applyServerErrors(form, new ApiError(error.status, error.code, error.message, rest));
}

/** A step of 0.5 would show every figure with a decimal ("4.0"): points read as written, 4 or 6.5. */
const whole = (value: string | number | undefined, info: { userTyping: boolean; input: string }) =>
  info.userTyping ? info.input : value === undefined || value === '' ? '' : String(Number(value));

/**
 * The evaluator's score sheet: points per level-3 indicator in halves, sums per level, the
 * running total and the grade it would earn, the findings. A draft keeps whatever is filled
 * in; handing in needs every indicator, then a conclusion that fits the grade.
 */
export function ScoreSheet({ projectId, evaluation: e, template, bands }: { projectId: string; evaluation: EvaluationView; template: Indicator[]; bands: Band[] }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const nameOf = useIndicatorName();
  const [form] = Form.useForm<SheetValues>();
  const [error, setError] = useState<unknown>(null);
  const [handingIn, setHandingIn] = useState(false);
  const [concluding, setConcluding] = useState(false);
  const save = useEvaluationStep(projectId, (body: DraftBody) => saveEvaluation(e.id, body));
  const watched = Form.useWatch('awarded', form) as Awarded | undefined;
  const awarded = watched ?? e.awarded;
  const total = sumOf(awarded);
  const max = template.reduce((s, n) => s + maxOf(n), 0);
  const leaves = leavesOf(template);

  const send = (v: SheetValues, then: () => void) => {
    setError(null);
    save.mutate({ awarded: given(v.awarded ?? {}), findings: v.findings?.trim() ?? '' }, { onSuccess: then, onError: (err) => setError(placeErrors(form, err)) });
  };
  const saveDraft = () => {
    // A draft needs no figure: clear what a refused hand-in marked as missing.
    form.setFields(leaves.map((l) => ({ name: ['awarded', l.id], errors: [] })));
    setHandingIn(false);
    send(form.getFieldsValue(true) as SheetValues, () => void message.success(t('evaluations.draftSaved')));
  };
  // The server scores what it holds: the sheet is saved first, then the conclusion asked for.
  const handIn = () => {
    form.validateFields().then(
      (v) => {
        setHandingIn(true);
        send(v, () => setConcluding(true));
      },
      () => undefined,
    );
  };

  const halves = { validator: (_: unknown, v: unknown) => (typeof v !== 'number' || Number.isInteger(v * 2) ? Promise.resolve() : Promise.reject(new Error(t('evaluations.halves')))) };
  return (
    <>
      <ErrorAlert error={error} />
      <Form form={form} name={`evaluation-${e.id}`} layout="vertical" initialValues={{ awarded: e.awarded, findings: e.findings }} data-testid="evaluation-form">
        {template.map((l1) => (
          <section key={l1.id} aria-label={nameOf(l1)} style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {nameOf(l1)} <Typography.Text type="secondary" style={{ fontWeight: 400 }}>{t('evaluations.subtotal', { points: points(awardedUnder(l1, awarded)), max: maxOf(l1) })}</Typography.Text>
            </Typography.Title>
            {(l1.children ?? []).map((l2) => (
              <div key={l2.id} role="group" aria-label={nameOf(l2)}>
                <Typography.Paragraph strong style={{ marginBottom: 8 }}>
                  {nameOf(l2)} <Typography.Text type="secondary" style={{ fontWeight: 400 }}>{t('evaluations.subtotal', { points: points(awardedUnder(l2, awarded)), max: maxOf(l2) })}</Typography.Text>
                </Typography.Paragraph>
                <Row gutter={16}>
                  {(l2.children ?? []).map((l3) => (
                    <Col key={l3.id} xs={24} md={12}>
                      <Form.Item name={['awarded', l3.id]} label={t('evaluations.indicatorLabel', { name: nameOf(l3), max: l3.points })} rules={[requiredText(t, nameOf(l3)), halves]}>
                        <InputNumber min={0} max={l3.points} step={0.5} formatter={whole} inputMode="decimal" style={{ width: '100%', maxWidth: 200 }} data-testid={`evaluation-points-${l3.id}`} />
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
              </div>
            ))}
          </section>
        ))}
        <Typography.Paragraph>
          <Space wrap size={8}>
            <Typography.Text strong aria-live="polite" data-testid="evaluation-total" data-score={total}>{t('evaluations.totalLine', { points: points(total), max })}</Typography.Text>
            <GradeTag grade={gradeFor(total, bands)} />
          </Space>
        </Typography.Paragraph>
        <Form.Item name="findings" label={t('evaluations.findings')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} showCount maxLength={5000} placeholder={t('evaluations.findingsPlaceholder')} data-testid="evaluation-findings" />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('evaluations.draftHint')}</Typography.Paragraph>
        <Space wrap>
          <Button onClick={saveDraft} loading={save.isPending && !handingIn} disabled={save.isPending && handingIn} data-testid="evaluation-save-draft">{t('evaluations.saveDraft')}</Button>
          <Button type="primary" onClick={handIn} loading={save.isPending && handingIn} disabled={save.isPending && !handingIn} data-testid="evaluation-submit">{t('evaluations.submit')}</Button>
        </Space>
      </Form>
      {concluding && <SubmitDialog projectId={projectId} evaluation={e} score={total} grade={gradeFor(total, bands)} onClose={() => setConcluding(false)} />}
    </>
  );
}
