import { EyeOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { errorMessage } from './feedback.tsx';
import { Typography } from './Typography.tsx';

interface Props {
  masked: string | null | undefined;
  /** e.g. `/residents/<id>/reveal`; absent when the user may not reveal. */
  revealPath?: string;
  field: string;
  testId?: string;
}

/** A masked number with a "show full number" action that the server audits. */
export function MaskedValue({ masked, revealPath, field, testId }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!masked) return <Typography.Text type="secondary">—</Typography.Text>;

  const reveal = async () => {
    if (!revealPath) return;
    setLoading(true);
    setError(null);
    try {
      const res = await api.post<{ value: string }>(revealPath, { field });
      setValue(res.value);
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Space orientation="vertical" size={0}>
      <Space size={4} wrap>
        <Typography.Text code data-testid={testId} style={{ wordBreak: 'break-all' }}>
          {value ?? masked}
        </Typography.Text>
        {revealPath && !value && (
          <Tooltip title={t('pii.revealHint')}>
            <Button size="small" type="link" icon={<EyeOutlined />} loading={loading} onClick={() => void reveal()} data-testid={testId ? `${testId}-reveal` : undefined}>
              {t('pii.reveal')}
            </Button>
          </Tooltip>
        )}
      </Space>
      {value && (
        <Typography.Text type="warning" style={{ fontSize: '0.86em' }}>
          {t('pii.audited')}
        </Typography.Text>
      )}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Space>
  );
}
