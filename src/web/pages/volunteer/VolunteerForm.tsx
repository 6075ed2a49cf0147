import { Button, Checkbox } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { VOLUNTEER_SKILLS, type AvailabilitySlot, type VolunteerSkill } from '../../../common/volunteers.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { AvailabilityGrid } from './AvailabilityGrid.tsx';
import { Typography } from '../../components/Typography.tsx';

export interface VolunteerChoice {
  skills: VolunteerSkill[];
  availability: AvailabilitySlot[];
}

/**
 * What a volunteer offers and when: the skills as checkboxes (two columns on a phone) and the
 * week as half-days to tap. The same form registers a resident and changes their details.
 */
export function VolunteerForm({ initial, submitLabel, pending, error, onSubmit, extra, testId }: {
  initial: VolunteerChoice;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (choice: VolunteerChoice) => void;
  /** Buttons beside the submit one (cancel). */
  extra?: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const ids = { skills: useId(), skillsHint: useId(), availability: useId(), availabilityHint: useId() };
  const [skills, setSkills] = useState<VolunteerSkill[]>(initial.skills);
  const [availability, setAvailability] = useState<AvailabilitySlot[]>(initial.availability);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ skills, availability });
      }}
      style={{ display: 'flex', flexDirection: 'column', gap: 16 }}
      data-testid={testId}
    >
      <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }} aria-describedby={ids.skillsHint}>
        <legend id={ids.skills} style={{ fontWeight: 600, fontSize: '1.1em', marginBottom: 2, padding: 0 }}>{t('volunteer.form.skills')}</legend>
        <Typography.Paragraph type="secondary" id={ids.skillsHint} style={{ margin: '0 0 8px' }}>{t('volunteer.form.skillsHint')}</Typography.Paragraph>
        <Checkbox.Group
          value={skills}
          onChange={(v) => setSkills(VOLUNTEER_SKILLS.filter((s) => v.includes(s)))}
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(9.5em, 1fr))', gap: '6px 12px' }}
        >
          {VOLUNTEER_SKILLS.map((s) => (
            <Checkbox key={s} value={s} data-testid={`${testId}-skill-${s}`} style={{ minHeight: 32, alignItems: 'center' }}>
              {t(`volunteer.skill.${s}`)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </fieldset>
      <section aria-labelledby={ids.availability} aria-describedby={ids.availabilityHint}>
        <div id={ids.availability} style={{ fontWeight: 600, fontSize: '1.1em', marginBottom: 2 }}>{t('volunteer.form.availability')}</div>
        <Typography.Paragraph type="secondary" id={ids.availabilityHint} style={{ margin: '0 0 8px' }}>{t('volunteer.form.availabilityHint')}</Typography.Paragraph>
        <AvailabilityGrid value={availability} onChange={setAvailability} labelledBy={ids.availability} testId={`${testId}-slot`} />
        <Typography.Text type="secondary" aria-live="polite" style={{ display: 'block', marginTop: 4 }}>{t('volunteer.slotCount', { count: availability.length })}</Typography.Text>
      </section>
      <ErrorAlert error={error} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <Button type="primary" size="large" htmlType="submit" loading={pending} data-testid={`${testId}-submit`} style={{ flex: '1 1 12em', maxWidth: 360 }}>{submitLabel}</Button>
        {extra}
      </div>
    </form>
  );
}
