import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Typography } from '../../components/Typography.tsx';

/**
 * One photo picked on the phone (the camera opens directly where the browser supports it).
 * The file is kept in the form and uploaded once the need exists; type and size are checked by the server.
 */
export function PhotoInput({ value, onChange, testId }: { value?: File | null; onChange?: (f: File | null) => void; testId?: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        capture="environment"
        style={{ display: 'none' }}
        data-testid={testId ? `${testId}-input` : undefined}
        onChange={(e) => {
          onChange?.(e.target.files?.[0] ?? null);
          e.target.value = '';
        }}
      />
      {/* The hidden input stays out of the Space: an item of its own would indent the button by a gap. */}
      <Space wrap style={{ maxWidth: '100%' }}>
        <Button size="large" icon={<CameraOutlined />} onClick={() => input.current?.click()} data-testid={testId}>
          {value ? t('field.photoReplace') : t('field.photoAdd')}
        </Button>
        {value && (
          <Space size={4} style={{ minWidth: 0 }}>
            <Typography.Text ellipsis style={{ maxWidth: 160 }}>{value.name}</Typography.Text>
            <Button type="text" icon={<CloseOutlined />} aria-label={t('field.photoRemove')} onClick={() => onChange?.(null)} />
          </Space>
        )}
      </Space>
    </>
  );
}
