import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Statistic, Table, theme, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { ImportReport } from '../../../server/modules/territory/register.schemas.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { unitName, useCommunity } from './queries.ts';
import { TerritoryCrumbs, TerritoryFrame, TerritoryQueryState } from './TerritoryFrame.tsx';

/** Upload a register, read the dry-run report, then commit the good rows. */
export function ImportPage() {
  const { token } = theme.useToken();
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const community = useCommunity(id);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState<ImportReport | null>(null);
  const [committed, setCommitted] = useState<ImportReport | null>(null);

  const run = useMutation({
    mutationFn: (mode: 'dry_run' | 'commit') => {
      const form = new FormData();
      form.append('communityId', id!);
      form.append('mode', mode);
      form.append('file', file!);
      return api.post<ImportReport>('/imports/residents', form);
    },
    onSuccess: (report, mode) => {
      if (mode === 'dry_run') setDryRun(report);
      else {
        setCommitted(report);
        void qc.invalidateQueries({ queryKey: ['households'] });
        void qc.invalidateQueries({ queryKey: ['grids'] });
      }
    },
  });

  if (!community.data) return <TerritoryQueryState query={community} />;
  const report = committed ?? dryRun;
  return (
    <TerritoryFrame>
      <TerritoryCrumbs start={{ communityId: id }} current={t('import.title')} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('import.title')} · {unitName(community.data, i18n.language)}
      </Typography.Title>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Typography.Paragraph type="secondary">{t('import.help')}</Typography.Paragraph>
          <Upload.Dragger
            accept=".csv,.xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setDryRun(null);
              setCommitted(null);
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setDryRun(null);
              setCommitted(null);
            }}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p>{t('import.drop')}</p>
          </Upload.Dragger>
          <Space wrap style={{ marginTop: 12 }}>
            <Button type="primary" disabled={!file} loading={run.isPending && run.variables === 'dry_run'} onClick={() => run.mutate('dry_run')} data-testid="import-dry-run">
              {t('import.dryRun')}
            </Button>
            <Button disabled={!dryRun || dryRun.valid === 0 || !!committed} loading={run.isPending && run.variables === 'commit'} onClick={() => run.mutate('commit')} data-testid="import-commit">
              {t('import.commit', { count: dryRun?.valid ?? 0 })}
            </Button>
          </Space>
        </Card>
        <ErrorAlert error={run.error} />
        {committed && <Alert type="success" showIcon title={t('import.done')} />}
        {report && (
          <Card size="small" title={committed ? t('import.commitReport') : t('import.dryRunReport')}>
            <Space wrap size={32} style={{ marginBottom: 16 }}>
              <Statistic title={t('import.total')} value={report.total} />
              <Statistic title={t('import.valid')} value={report.valid} />
              <Statistic title={t('import.invalid')} value={report.errors.length} styles={{ content: { color: report.errors.length ? token.colorError : undefined } }} />
              {report.wouldCreate && !committed && <Statistic title={t('import.wouldCreateHouseholds')} value={report.wouldCreate.households} />}
              {report.wouldCreate && !committed && <Statistic title={t('import.wouldCreateResidents')} value={report.wouldCreate.residents} />}
              {report.wouldUpdate && !committed && <Statistic title={t('import.wouldUpdateResidents')} value={report.wouldUpdate.residents} />}
              {committed?.created?.households !== undefined && <Statistic title={t('import.createdHouseholds')} value={committed.created.households} />}
              {committed?.created?.residents !== undefined && <Statistic title={t('import.createdResidents')} value={committed.created.residents} />}
              {committed?.updated?.residents !== undefined && <Statistic title={t('import.updatedResidents')} value={committed.updated.residents} />}
            </Space>
            <Table
              size="small"
              rowKey={(e) => `${e.line}:${e.field}:${e.code}`}
              dataSource={report.errors}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 480 }}
              locale={{ emptyText: t('import.noErrors') }}
              columns={[
                { title: t('import.line'), dataIndex: 'line', width: 80 },
                { title: t('import.field'), dataIndex: 'field', width: 140, render: (f: string) => t(`importField.${f}`, { defaultValue: f }) },
                { title: t('import.reason'), dataIndex: 'message' },
              ]}
            />
          </Card>
        )}
      </Space>
    </TerritoryFrame>
  );
}
