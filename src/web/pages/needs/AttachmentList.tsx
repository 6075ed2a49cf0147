import { FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space, theme } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useAttachments, useUpload } from './needQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { List } from '../../components/List.tsx';

const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Photos and documents of a need; images as thumbnails that open full size. Limits and types are
 * checked by the server. A plain file input and links, not Ant Design's Upload and Image (with
 * their lists, progress and preview: about 17 KB on the resident's need page).
 */
export function AttachmentList({ needId, canUpload }: { needId: string; canUpload: boolean }) {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  const list = useAttachments(needId);
  const upload = useUpload(needId);
  const [error, setError] = useState<unknown>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const items = list.data?.items ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="attachments">
      <ErrorAlert error={list.error ?? error} />
      {canUpload && (
        <div>
          <input
            ref={fileInput}
            type="file"
            accept={ACCEPT}
            style={{ display: 'none' }}
            data-testid="attachment-upload-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              setError(null);
              upload.mutate(file, { onError: (err) => setError(err) });
            }}
          />
          <Button icon={<UploadOutlined />} loading={upload.isPending} onClick={() => fileInput.current?.click()} data-testid="attachment-upload">
            {t('needPage.upload')}
          </Button>
        </div>
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
                <a href={a.url} target="_blank" rel="noreferrer" tabIndex={-1} aria-hidden>
                  <img src={a.url} alt="" width={64} height={64} loading="lazy" style={{ objectFit: 'cover', borderRadius: 4, display: 'block' }} />
                </a>
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
