import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Progress, Select, Space, Statistic, Table, Tag, theme, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { ImportJobView, ImportReport } from '../../../server/modules/territory/register.schemas.ts';
import { api, downloadFile } from '../../api/client.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { RegisterExport } from './RegisterExport.tsx';
import { unitName, useCommunity } from './queries.ts';
import { TerritoryCrumbs, TerritoryFrame, TerritoryQueryState } from './TerritoryFrame.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

/** Seconds since `running` turned true: a large register takes a while and the user should see it working. */
function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const start = Date.now();
    setSeconds(0);
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - start) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}


/**
 * Upload a register, read the dry-run report (or download it as the user's own sheet with a
 * problems column), then commit the good rows. The community's register can be exported in the
 * same layout, edited and imported again.
 */
export function ImportPage() {
  const { token } = theme.useToken();
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const community = useCommunity(id);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState<ImportReport | null>(null);
  const [committed, setCommitted] = useState<ImportReport | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [jobId, setJobId] = useState<string | null>(null);

  const form = (mode?: 'dry_run' | 'commit') => {
    const body = new FormData();
    body.append('communityId', id!);
    if (mode) body.append('mode', mode);
    if (sheet) body.append('sheet', sheet);
    body.append('file', file!);
    return body;
  };
  const run = useMutation({
    mutationFn: (mode: 'dry_run' | 'commit') => api.post<ImportReport>('/imports/residents', form(mode)),
    onSuccess: (report, mode) => {
      if (mode === 'dry_run') {
        // A new check (after a job that failed, say) starts over.
        setJobId(null);
        setDryRun(report);
      } else if (report.job) {
        // The job as it started is shown at once; the progress is read from then on.
        qc.setQueryData(['import-job', report.job.id], report.job);
        setJobId(report.job.id);
      } else finished(report);
    },
  });
  const finished = (report: ImportReport) => {
    setCommitted(report);
    void qc.invalidateQueries({ queryKey: ['households'] });
    void qc.invalidateQueries({ queryKey: ['grids'] });
  };
  // A large register is written in batches by a job: its progress is read until it ends.
  const job = useQuery({
    queryKey: ['import-job', jobId],
    queryFn: () => api.get<ImportJobView>(`/imports/jobs/${jobId}`),
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data && q.state.data.state !== 'running' ? false : 1000),
  });
  // Someone who comes back while a job writes the community sees it again.
  const recent = useQuery({
    queryKey: ['import-jobs', id],
    queryFn: () => api.get<{ items: ImportJobView[] }>('/imports/jobs', { communityId: id }),
    enabled: !!id,
  });
  const runningId = recent.data?.items.find((j) => j.state === 'running')?.id;
  useEffect(() => {
    if (runningId) setJobId((current) => current ?? runningId);
  }, [runningId]);
  const jobState = job.data?.state;
  useEffect(() => {
    if (jobState && jobState !== 'running') void qc.invalidateQueries({ queryKey: ['import-jobs', id] });
    if (jobState === 'done' && job.data) finished(job.data.report);
    // Only the end of the job matters here, not every progress answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobState]);
  const writing = !!jobId && (!jobState || jobState === 'running');

  const reportFile = useMutation({ mutationFn: () => downloadFile('/imports/residents/report', form()) });
  const busy = run.isPending || reportFile.isPending;
  const elapsed = useElapsed(busy);
  const reset = () => {
    setDryRun(null);
    setCommitted(null);
    setJobId(null);
  };

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
              setSheet(undefined);
              reset();
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setSheet(undefined);
              reset();
            }}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p>{t('import.drop')}</p>
          </Upload.Dragger>
          <Space wrap style={{ marginTop: 12 }}>
            <Button type="primary" disabled={!file} loading={run.isPending && run.variables === 'dry_run'} onClick={() => run.mutate('dry_run')} data-testid="import-dry-run">
              {t('import.dryRun')}
            </Button>
            <Button disabled={!dryRun || dryRun.valid === 0 || !!committed || !!jobId} loading={(run.isPending && run.variables === 'commit') || writing} onClick={() => run.mutate('commit')} data-testid="import-commit">
              {t('import.commit', { count: dryRun?.valid ?? 0 })}
            </Button>
            {dryRun && !committed && !jobId && (
              <Button onClick={() => reportFile.mutate()} loading={reportFile.isPending} data-testid="import-report">
                {t('import.downloadReport')}
              </Button>
            )}
          </Space>
          {dryRun && dryRun.sheets.length > 1 && (
            <Space wrap style={{ marginTop: 12 }}>
              <span id="import-sheet-label">{t('import.sheet')}</span>
              <Select
                aria-labelledby="import-sheet-label"
                style={{ minWidth: 160 }}
                value={sheet ?? dryRun.sheet}
                options={dryRun.sheets.map((s) => ({ value: s, label: s }))}
                onChange={(s: string) => {
                  setSheet(s);
                  reset();
                }}
              />
              <Typography.Text type="secondary">{t('import.sheetHelp')}</Typography.Text>
            </Space>
          )}
        </Card>
        {busy && <Alert type="info" showIcon role="status" title={t('import.working', { seconds: elapsed })} />}
        <ErrorAlert error={run.error ?? reportFile.error} />
        {jobId && job.data && (
          <Card size="small" title={t(writing ? 'import.jobTitle' : 'import.jobEnded')} data-testid="import-job">
            <div role="status">
              <Progress
                percent={Math.floor((100 * job.data.writesDone) / Math.max(job.data.writesTotal, 1))}
                status={jobState === 'failed' ? 'exception' : jobState === 'done' ? 'success' : 'active'}
                aria-label={t('import.jobTitle')}
              />
              <Typography.Text type="secondary">{t('import.jobProgress', { done: job.data.writesDone, total: job.data.writesTotal })}</Typography.Text>
              {writing && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('import.jobLeave')}</Typography.Paragraph>}
            </div>
            {job.data.error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={job.data.error.message} data-testid="import-job-error" />}
          </Card>
        )}
        <ErrorAlert error={job.error} />
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
        {(recent.data?.items.length ?? 0) > 0 && (
          <Card size="small" title={t('import.recentJobs')} data-testid="import-recent-jobs">
            <List
              size="small"
              dataSource={recent.data!.items}
              renderItem={(j) => (
                <List.Item style={{ paddingInline: 0 }}>
                  <Space wrap size={8}>
                    <Typography.Text>{new Date(j.createdAt).toLocaleString(i18n.language)}</Typography.Text>
                    <Typography.Text type="secondary">{j.fileName}</Typography.Text>
                    <Tag color={j.state === 'done' ? 'green' : j.state === 'failed' ? 'red' : 'blue'}>{t(`importJobState.${j.state}`)}</Tag>
                    <Typography.Text type="secondary">{t('import.jobProgress', { done: j.writesDone, total: j.writesTotal })}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        )}
        <RegisterExport unit="community" id={id!} />
      </Space>
    </TerritoryFrame>
  );
}
