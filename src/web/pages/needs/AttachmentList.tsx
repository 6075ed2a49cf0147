import { FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Image, List, Space, theme, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useAttachments, useUpload } from './needQueries.ts';

const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Photos and documents of a need; images as thumbnails. Limits and types are checked by the server. */
export function AttachmentList({ needId, canUpload }: { needId: string; canUpload: boolean }) {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  const list = useAttachments(needId);
  const upload = useUpload(needId);
  const [error, setError] = useState<unknown>(null);
  const items = list.data?.items ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="attachments">
      <ErrorAlert error={list.error ?? error} />
      {canUpload && (
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          customRequest={({ file }) => {
            setError(null);
            upload.mutate(file as File, { onError: (e) => setError(e) });
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
            {t('needPage.upload')}
          </Button>
        </Upload>
      )}
      <List
        size="small"
        loading={list.isLoading}
        dataSource={items}
        locale={{ emptyText: t('needPage.noAttachments') }}
        renderItem={(a) => (
          <List.Item key={a.id} data-testid="attachment">
            <Space align="start" style={{ minWidth: 0 }}>
              {a.contentType.startsWith('image/') ? (
                <Image src={a.url} alt={a.fileName} width={64} height={64} style={{ objectFit: 'cover' }} />
              ) : (
                <FilePdfOutlined style={{ fontSize: 40, color: token.colorError }} />
              )}
              <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                <a href={a.url} target="_blank" rel="noreferrer">{a.fileName}</a>
                <div>
                  <Typography.Text type="secondary">
                    {size(a.sizeBytes)} · {a.uploadedByName} · {dayjs(a.createdAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </div>
              </div>
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
