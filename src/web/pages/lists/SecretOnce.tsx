import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A secret the server shows only once: copy it now, it cannot be read again. */
export function SecretOnce({ title, value, onClose }: { title: string; value: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open title={title} onOk={onClose} onCancel={onClose} okText={t('needSettings.secretSaved')} cancelButtonProps={{ style: { display: 'none' } }}>
      <Alert type="warning" showIcon title={t('needSettings.secretOnce')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph copyable code data-testid="secret-once" style={{ wordBreak: 'break-all' }}>{value}</Typography.Paragraph>
    </Modal>
  );
}
