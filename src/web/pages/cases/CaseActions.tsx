import { Button, Space } from 'antd';
import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { AssessForm } from './AssessForm.tsx';
import type { CaseAction, CaseDetail, CaseStep } from './caseQueries.ts';
import { ClosingForm } from './ClosingForm.tsx';
import { ConsentForm } from './ConsentForm.tsx';
import { PlanForm } from './PlanForm.tsx';
import { ReferForm } from './ReferForm.tsx';
import { ReopenForm } from './ReopenForm.tsx';
import { ReviewForm } from './ReviewForm.tsx';
import { SessionForm } from './SessionForm.tsx';
import type { StepProps } from './StepForm.tsx';
import { TransferForm } from './TransferForm.tsx';
import { useNotices } from '../../app/notices.tsx';
import { Card } from '../../components/Card.tsx';

type FormAction = 'submit_plan' | 'record_session' | 'assess' | 'request_closing' | 'reopen' | 'transfer' | 'record_consent' | 'refer';

/** The step that moves the case on comes first (and is the primary button); side steps follow. */
const FORMS: [FormAction, ComponentType<StepProps>][] = [
  ['submit_plan', PlanForm],
  ['record_session', SessionForm],
  ['assess', AssessForm],
  ['request_closing', ClosingForm],
  ['reopen', ReopenForm],
  ['transfer', TransferForm],
  ['record_consent', ConsentForm],
  ['refer', ReferForm],
];

const REVIEWS: CaseAction[] = ['approve_plan', 'return_plan', 'approve_closing', 'return_closing'];

/**
 * The one place to act on the case: exactly the steps the server offers the caller. The
 * supervisor's decision is open at once; each other step opens its form under the buttons.
 */
export function CaseActions({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const [open, setOpen] = useState<FormAction | null>(null);
  const forms = FORMS.filter(([a]) => c.allowedActions.includes(a));
  const reviews = c.allowedActions.some((a) => REVIEWS.includes(a));
  if (!forms.length && !reviews) return null;
  const done = (step: CaseStep) => {
    void message.success(t('case.stepDone', { status: t(`caseStatus.${step.status}`) }));
    setOpen(null);
  };
  const OpenForm = forms.find(([a]) => a === open)?.[1];
  const openForm = (a: CaseAction) => setOpen(forms.find(([f]) => f === a)?.[0] ?? null);
  return (
    <Card size="small" title={t('case.actions')} data-testid="case-actions">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {reviews && <ReviewForm c={c} onDone={done} />}
        {forms.length > 0 && (
          <Space wrap>
            {forms.map(([a], i) => (
              <Button key={a} type={i === 0 && !reviews ? 'primary' : 'default'} aria-expanded={open === a} onClick={() => setOpen(a)} data-testid={`case-action-${a}`}>
                {a === 'assess' && c.notes?.assessment ? t('case.reassess') : t(`caseAction.${a}`)}
              </Button>
            ))}
          </Space>
        )}
        {OpenForm && <OpenForm key={open} c={c} onDone={done} onCancel={() => setOpen(null)} onOpen={openForm} />}
      </Space>
    </Card>
  );
}
