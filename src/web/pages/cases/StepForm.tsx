import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveForm, useFormSave, type FormSave } from '../../components/SaveForm.tsx';
import { postCaseStep, STEP_INVALIDATES, type CaseAction, type CaseDetail, type CaseStep, type StepBodies, type StepPath } from './caseQueries.ts';

/** What the action area gives each step's form: the case, and what to do once it is sent or set aside. */
export interface StepProps {
  c: CaseDetail;
  onDone: (step: CaseStep) => void;
  onCancel: () => void;
  /** Sets this form aside for another of the caller's steps: a referral without consent leads to recording one. */
  onOpen: (action: CaseAction) => void;
}

/** The save cycle of a step's form: the form's values become the step's body; the page reads the case again. */
export function useStepSave<V, P extends StepPath>(caseId: string, path: P, toBody: (v: V) => StepBodies[P], onDone: (step: CaseStep) => void): FormSave<V> {
  return useFormSave<V, CaseStep>({ mutationFn: (v) => postCaseStep(caseId, path, toBody(v)), invalidate: STEP_INVALIDATES, onSaved: onDone });
}

/**
 * A step's form in the case's action area, with its own send and cancel buttons: `testId`
 * names the form (`<testId>-form`) and its buttons (`<testId>-submit`, `<testId>-cancel`).
 */
export function StepForm<V>({ saver, initialValues, submitLabel, testId, onCancel, children }: {
  saver: FormSave<V>;
  initialValues: Partial<Record<keyof V, unknown>>;
  submitLabel: string;
  testId: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid={`${testId}-form`}>
      <SaveForm<V> saver={saver} initialValues={initialValues}>
        {children}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={saver.saving} data-testid={`${testId}-submit`}>{submitLabel}</Button>
          <Button onClick={onCancel} data-testid={`${testId}-cancel`}>{t('common.cancel')}</Button>
        </Space>
      </SaveForm>
    </div>
  );
}
