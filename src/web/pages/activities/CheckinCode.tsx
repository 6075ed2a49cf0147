import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Typography } from '../../components/Typography.tsx';

/**
 * A session's sign-in code, large enough to read from across a room: staff hold the phone up
 * at the door, or copy it onto the board, and residents type it on their own phones.
 */
export function CheckinCode({ code, size = 'large' }: { code: string; size?: 'large' | 'small' }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (size === 'small') {
    return (
      <Typography.Text>
        {t('activity.code')} <Typography.Text strong style={{ fontFamily: token.fontFamilyCode, letterSpacing: '0.1em' }} data-testid="session-code">{code}</Typography.Text>
      </Typography.Text>
    );
  }
  return (
    <div style={{ textAlign: 'center' }}>
      <div style={{ fontSize: 16 }}>{t('activity.codeLabel')}</div>
      <div
        data-testid="checkin-code"
        aria-label={`${t('activity.codeLabel')} ${code.split('').join(' ')}`}
        role="img"
        style={{ fontFamily: token.fontFamilyCode, fontSize: 'clamp(44px, 14vw, 72px)', fontWeight: 700, letterSpacing: '0.12em', lineHeight: 1.2, color: token.colorText }}
      >
        {code}
      </div>
    </div>
  );
}
