import { DatePicker, Form, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

/** A period's two optional dates, as a project and a resource commitment both ask for them. */
export interface PeriodValues {
  periodStart?: Dayjs | null;
  periodEnd?: Dayjs | null;
}

export function PeriodFields() {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Form.Item name="periodStart" label={t('projects.periodStart')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="periodEnd" label={t('projects.periodEnd')}>
        <DatePicker />
      </Form.Item>
    </Space>
  );
}

/** The period as the API takes it: YYYY-MM-DD, an empty date left out. */
export function periodOf(v: PeriodValues) {
  return { periodStart: v.periodStart?.format('YYYY-MM-DD'), periodEnd: v.periodEnd?.format('YYYY-MM-DD') };
}
