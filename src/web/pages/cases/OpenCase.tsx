import { Alert, Button, Form, Input, Modal, Select, Space, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth.tsx';
import { requiredChoice } from '../../components/rules.ts';
import { SaveForm, useFormSave } from '../../components/SaveForm.tsx';
import type { NeedDetail } from '../needs/needQueries.ts';
import { openCase, STEP_INVALIDATES, useCases, type CaseStep, type OpenBody } from './caseQueries.ts';
import { writtenText } from './caseRules.ts';
import { CaseStatusTag } from './CaseStatusTag.tsx';
import { WorkerSelect } from './WorkerSelect.tsx';
import { Typography } from '../../components/Typography.tsx';

interface Values {
  clientResidentId: string;
  workerId?: string;
  summary: string;
}

/**
 * Opening a case for a need referred to the caller's organization. The need names its client by
 * the resident who reported it (the organization does not read the household register); an
 * administrator gives the case to one of the staff, a social worker takes it on themselves.
 */
function OpenCaseDialog({ need, organizationId, assignsWorker, onClose }: { need: NeedDetail; organizationId: string; assignsWorker: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const saver = useFormSave<Values, CaseStep>({
    mutationFn: (v) =>
      openCase({
        clientResidentId: v.clientResidentId,
        needId: need.id,
        source: 'need',
        summary: v.summary.trim(),
        ...(assignsWorker && v.workerId ? { workerId: v.workerId } : {}),
      } satisfies OpenBody),
    invalidate: STEP_INVALIDATES,
    onSaved: (step) => {
      onClose();
      navigate(`/cases/${step.id}`);
    },
  });
  const client = need.reporterResidentId;
  return (
    <Modal
      open
      title={t('case.openTitle', { refNo: need.refNo })}
      onCancel={onClose}
      onOk={() => saver.form.submit()}
      okText={t('case.open')}
      cancelText={t('common.cancel')}
      confirmLoading={saver.saving}
      okButtonProps={{ disabled: !client, 'data-testid': 'open-case-ok' } as ButtonProps}
      destroyOnHidden
    >
      {client ? (
        <SaveForm<Values> saver={saver} initialValues={{ clientResidentId: client }}>
          <Form.Item name="clientResidentId" label={t('case.client')} extra={t('case.clientFromNeed')} rules={[requiredChoice(t, t('case.client'))]}>
            <Select options={[{ value: client, label: t('case.needReporter') }]} data-testid="open-case-client" />
          </Form.Item>
          {assignsWorker && (
            <Form.Item name="workerId" label={t('case.worker')} extra={t('case.workerHint')} rules={[requiredChoice(t, t('case.worker'))]}>
              <WorkerSelect organizationId={organizationId} data-testid="open-case-worker" />
            </Form.Item>
          )}
          <Form.Item name="summary" label={t('case.presenting')} extra={t('case.presentingHint')} rules={writtenText(t, t('case.presenting'), 2000)}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="open-case-summary" />
          </Form.Item>
        </SaveForm>
      ) : (
        <Alert type="warning" showIcon title={t('case.noReporter')} data-testid="open-case-no-client" />
      )}
    </Modal>
  );
}

/**
 * On a need referred to the caller's organization: the open case answering it, or "开案" for a
 * social worker or the administrator of that organization.
 */
export function OpenCase({ need }: { need: NeedDetail }) {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const [open, setOpen] = useState(false);
  const organizationId = need.referralOrgId;
  const roles = (me?.assignments ?? []).filter((a) => a.scopeType === 'organization' && a.scopeId === organizationId).map((a) => a.role);
  const mayOpen = need.state === 'referred' && !!organizationId && (roles.includes('social_worker') || roles.includes('org_admin')) && can('cases.case.open');
  // The list has no filter by need: the cases of the need's community the caller may see are few.
  const cases = useCases({ communityId: need.communityId }, mayOpen);
  if (!mayOpen || !organizationId || cases.isLoading) return null;
  const current = cases.data?.items.find((c) => c.needId === need.id && c.status !== 'closed');
  if (current) {
    return (
      <Space wrap size={6} data-testid="need-case">
        <Typography.Text>{t('case.ofNeed')}</Typography.Text>
        <Link to={`/cases/${current.id}`}>{current.refNo}</Link>
        <CaseStatusTag status={current.status} />
      </Space>
    );
  }
  return (
    <>
      <div>
        <Button type="primary" onClick={() => setOpen(true)} data-testid="open-case">{t('case.open')}</Button>
      </div>
      {open && <OpenCaseDialog need={need} organizationId={organizationId} assignsWorker={roles.includes('org_admin')} onClose={() => setOpen(false)} />}
    </>
  );
}
