import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HoursStatus, VolunteerStatus } from './volunteerQueries.ts';

// Apart from VolunteerParts: the roster at the door shows hours' states without the checkboxes of the volunteer's form.
const STATUS_COLOR: Record<VolunteerStatus, string> = { active: 'green', paused: 'orange', left: 'default' };
const HOURS_COLOR: Record<HoursStatus, string> = { claimed: 'blue', verified: 'green', rejected: 'red' };

export function VolunteerStatusTag({ status }: { status: VolunteerStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>{t(`volunteers.status.${status}`)}</Tag>;
}

export function HoursStatusTag({ status }: { status: HoursStatus }) {
  const { t } = useTranslation();
  return <Tag color={HOURS_COLOR[status]} style={{ marginInlineEnd: 0 }}>{t(`volunteers.hoursStatus.${status}`)}</Tag>;
}
