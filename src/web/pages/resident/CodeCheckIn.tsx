import { Button, Input } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Typography } from '../../components/Typography.tsx';

/** The six digits shown at the venue, typed on the resident's phone (a number pad, one field). */
export function CodeCheckIn({ name, pending, onSubmit, onCancel }: { name: string; pending: boolean; onSubmit: (code: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const ready = /^[0-9]{6}$/.test(code);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onSubmit(code);
      }}
      style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}
      data-testid="code-check-in"
    >
      <label htmlFor={id}><Typography.Text>{t('myActivities.codeFor', { name })}</Typography.Text></label>
      <Input
        id={id}
        size="large"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={6}
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
        autoFocus
        style={{ fontSize: 28, letterSpacing: '0.3em', textAlign: 'center', maxWidth: 260 }}
        data-testid="code-input"
      />
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, maxWidth: 360 }}>
        <Button size="large" onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" size="large" htmlType="submit" disabled={!ready} loading={pending} data-testid="code-submit">{t('myActivities.signIn')}</Button>
      </div>
    </form>
  );
}
