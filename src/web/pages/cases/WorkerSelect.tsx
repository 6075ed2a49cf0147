import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrganizationWorkers } from './caseQueries.ts';

/**
 * The organization's social workers to give a case to. Those the server would refuse — without
 * an account, or without a supervisor to approve their plans — are listed, greyed, with the
 * reason, so an administrator sees whom to fix in the register.
 */
export function WorkerSelect({ organizationId, excludeId, ...select }: SelectProps & { organizationId: string; excludeId?: string }) {
  const { t } = useTranslation();
  const workers = useOrganizationWorkers(organizationId);
  const options = (workers.data ?? [])
    .filter((w) => w.id !== excludeId)
    .map((w) => {
      const why = !w.userId ? t('case.workerNoAccount') : !w.supervisorId ? t('case.workerNoSupervisor') : null;
      return { value: w.id, label: why ? t('case.workerUnavailable', { name: w.name, why }) : w.name, disabled: !!why };
    })
    .sort((a, b) => Number(a.disabled) - Number(b.disabled));
  return <Select showSearch optionFilterProp="label" loading={workers.isLoading} options={options} notFoundContent={t('case.noOtherWorker')} {...select} />;
}
