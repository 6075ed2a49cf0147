import { CheckCircleTwoTone } from '@ant-design/icons';
import { Alert, Button, Space, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DueTime } from '../../components/DueTime.tsx';
import { errorMessage } from '../../components/feedback.tsx';
import { NeedStateTag } from '../../components/NeedStateTag.tsx';
import type { VisitDetail } from './fieldQueries.ts';
import { Outcome } from '../../components/Outcome.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

export interface PhotoResult {
  needId: string;
  refNo: string;
  status: 'uploading' | 'done' | 'failed';
  error?: unknown;
}

/** What a saved visit created, from its answer: the needs' reference numbers and when each is due, to tell the family. */
export function CreatedNeeds({ visit, photos, onAnother }: { visit: VisitDetail; photos: PhotoResult[]; onAnother: () => void }) {
  const { token } = theme.useToken();
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }} data-testid="visit-created">
      <Outcome
        status="success"
        style={{ padding: '16px 0' }}
        title={t('field.visitSaved')}
        subTitle={
          <span style={{ overflowWrap: 'anywhere' }}>
            {t(`visitKind.${visit.kind}`)} · {visit.householdAddress}
            {visit.residentName ? ` · ${visit.residentName}` : ''}
          </span>
        }
      />
      {visit.needs.length > 0 && (
        <Card size="small" title={t('field.createdNeeds', { count: visit.needs.length })}>
          {visit.needs.map((n, i) => {
              const photo = photos.find((p) => p.needId === n.id);
              return (
                <div key={n.id} data-testid="visit-created-need" data-ref={n.refNo} style={{ padding: '8px 0', borderTop: i > 0 ? `1px solid ${token.colorBorderSecondary}` : undefined }}>
                  <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
                    <Space wrap size={8}>
                      <Link to={`/needs/${n.id}`} data-testid="visit-created-need-link">
                        <Typography.Text strong style={{ fontSize: '1.15em' }}>{n.refNo}</Typography.Text>
                      </Link>
                      <NeedStateTag state={n.state} />
                    </Space>
                    <Typography.Text type="secondary">{n.categoryName}</Typography.Text>
                    <Typography.Text style={{ overflowWrap: 'anywhere' }}>{n.description}</Typography.Text>
                    <span>
                      {t('field.dueLabel')} <DueTime dueAt={n.dueAt} overdue={n.overdue} />
                    </span>
                    {photo?.status === 'uploading' && <Typography.Text type="secondary">{t('field.photoUploading')}</Typography.Text>}
                    {photo?.status === 'done' && (
                      <Typography.Text type="success"><CheckCircleTwoTone twoToneColor={token.colorSuccess} /> {t('field.photoUploaded')}</Typography.Text>
                    )}
                    {photo?.status === 'failed' && (
                      <Alert type="warning" showIcon title={`${t('field.photoFailed')} ${errorMessage(photo.error, t)}`} data-testid="photo-failed" />
                    )}
                  </Space>
                </div>
              );
          })}
        </Card>
      )}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Link to={`/field/grids/${visit.gridId}`}>
          <Button type="primary" block style={{ height: 48 }} data-testid="back-to-worklist">{t('field.backToWorklist')}</Button>
        </Link>
        <Button block style={{ height: 48 }} onClick={onAnother} data-testid="record-another">{t('field.recordAnother')}</Button>
      </Space>
    </Space>
  );
}
