import { FilePdfOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Image, Space, Spin, Tag, theme, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useMeasureValue } from './DeliveryIndicators.tsx';
import type { ProjectDetail } from './projectsApi.ts';
import { EVIDENCE_ACCEPT, useAddEvidence, useReports, type EvidenceView, type ReportView } from './reportQueries.ts';
import { ReportForm } from './ReportForm.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

const FACTS = ['sessionsHeld', 'peopleServed', 'attendances'] as const;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The period's counts beside the counts to date, as computed when the report was submitted. */
function FiguresTable({ figures }: { figures: ReportView['figures'] }) {
  const { t } = useTranslation();
  const cell = { padding: '4px 8px', textAlign: 'right' as const };
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', maxWidth: 480 }} data-testid="report-figures">
      <caption style={{ textAlign: 'start', fontWeight: 600, paddingBottom: 4 }}>{t('reports.figures')}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col" style={cell}>{t('reports.inPeriod')}</th>
          <th scope="col" style={cell}>{t('reports.toDate')}</th>
        </tr>
      </thead>
      <tbody>
        {FACTS.map((f) => (
          <tr key={f} style={{ borderTop: '1px solid rgba(5,5,5,0.06)' }}>
            <th scope="row" style={{ padding: '4px 8px 4px 0', textAlign: 'start', fontWeight: 400 }}>{t(`reports.${f}`)}</th>
            <td style={cell} data-fact={f} data-period={figures.period[f]}>{figures.period[f]}</td>
            <td style={cell}>{figures.toDate[f]}</td>
          </tr>
        ))}
        <tr style={{ borderTop: '1px solid rgba(5,5,5,0.06)' }}>
          <th scope="row" style={{ padding: '4px 8px 4px 0', textAlign: 'start', fontWeight: 400 }}>{t('reports.ratings')}</th>
          <td style={cell}>{t('reports.ratingsValue', { satisfied: figures.period.satisfied, ratings: figures.period.ratings })}</td>
          <td style={cell}>{t('reports.ratingsValue', { satisfied: figures.toDate.satisfied, ratings: figures.toDate.ratings })}</td>
        </tr>
      </tbody>
    </table>
  );
}

function EvidenceList({ items }: { items: EvidenceView[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (items.length === 0) return <Typography.Text type="secondary">{t('reports.noEvidence')}</Typography.Text>;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 12 }} data-testid="report-evidence">
      {items.map((e) => (
        <li key={e.id} style={{ display: 'flex', gap: 8, alignItems: 'center', minWidth: 0, maxWidth: '100%' }} data-testid="evidence">
          {e.contentType.startsWith('image/') ? (
            <Image src={e.url} alt={e.fileName} width={56} height={56} style={{ objectFit: 'cover' }} />
          ) : (
            <FilePdfOutlined aria-hidden style={{ fontSize: 36, color: token.colorError }} />
          )}
          <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            <a href={e.url} download={e.fileName} aria-label={t('reports.download', { name: e.fileName })} data-testid="evidence-link">{e.fileName}</a>
            <div><Typography.Text type="secondary">{size(e.sizeBytes)}</Typography.Text></div>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** More files for the latest report, one upload each; the server keeps the limit and the types. */
function AddEvidence({ projectId, report, max }: { projectId: string; report: ReportView; max: number }) {
  const { t } = useTranslation();
  const add = useAddEvidence(projectId, report.id);
  const [error, setError] = useState<unknown>(null);
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Upload
        accept={EVIDENCE_ACCEPT}
        multiple
        showUploadList={false}
        customRequest={({ file }) => {
          setError(null);
          add.mutate(file as File, { onError: (e) => setError(e) });
        }}
      >
        <Button icon={<UploadOutlined />} loading={add.isPending} data-testid="evidence-add">{t('reports.addEvidence')}</Button>
      </Upload>
      <Typography.Text type="secondary">{t('reports.evidenceHint', { max })}</Typography.Text>
    </Space>
  );
}

function ReportItem({ projectId, report: r, max }: { projectId: string; report: ReportView; max: number }) {
  const { t } = useTranslation();
  const value = useMeasureValue();
  const gaps = Object.entries(r.gaps);
  return (
    <article style={{ borderTop: '1px solid rgba(5,5,5,0.06)', paddingTop: 12 }} aria-labelledby={`report-${r.id}`} data-testid="report" data-seq={r.seq}>
      <Typography.Title level={5} style={{ margin: 0 }} id={`report-${r.id}`}>
        {t('reports.seqPeriod', { seq: r.seq, start: r.periodStart, end: r.periodEnd })}
      </Typography.Title>
      <Typography.Text type="secondary">{t('reports.submittedBy', { name: r.submittedBy, time: dayjs(r.submittedAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>
      <Space orientation="vertical" size={12} style={{ width: '100%', marginTop: 8 }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="report-narrative">{r.narrative}</Typography.Paragraph>
        <FiguresTable figures={r.figures} />
        {r.figures.indicators.length > 0 && (
          <div>
            <Typography.Text strong>{t('reports.indicators')}</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {r.figures.indicators.map((i) => (
                <li key={i.measure} data-testid="report-indicator" data-measure={i.measure} data-met={i.met ? 'true' : 'false'}>
                  <Space size={6} wrap>
                    <span>
                      {t('reports.line', {
                        label: t(`measure.${i.measure}`),
                        text: i.actual === null ? t('reports.noActual', { target: value(i.measure, i.target) }) : t('reports.targetActual', { target: value(i.measure, i.target), actual: value(i.measure, i.actual) }),
                      })}
                    </span>
                    <Tag color={i.met ? 'green' : 'orange'} style={{ marginInlineEnd: 0 }}>{t(i.met ? 'reports.met' : 'reports.notMet')}</Tag>
                  </Space>
                  {r.gaps[i.measure] && <div style={{ whiteSpace: 'pre-wrap' }} data-testid="report-gap">{t('reports.line', { label: t('reports.gaps'), text: r.gaps[i.measure] })}</div>}
                </li>
              ))}
            </ul>
          </div>
        )}
        {gaps.length > 0 && r.figures.indicators.length === 0 && (
          <div>
            <Typography.Text strong>{t('reports.gaps')}</Typography.Text>
            {gaps.map(([m, text]) => <div key={m} style={{ whiteSpace: 'pre-wrap' }}>{t('reports.line', { label: t(`measure.${m}`), text })}</div>)}
          </div>
        )}
        <div>
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>{t('reports.evidence')}</Typography.Text>
          <EvidenceList items={r.evidence} />
        </div>
        {r.canAddEvidence && <AddEvidence projectId={projectId} report={r} max={max} />}
      </Space>
    </article>
  );
}

/**
 * The project's progress reports: figures counted when each was submitted, the contractor's
 * narrative, the gaps it explained and its evidence. The contractor's administrator submits
 * them here.
 */
export function ReportsCard({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const reports = useReports(project.id);
  const [writing, setWriting] = useState(false);
  const d = reports.data;
  if (reports.error) return <ErrorAlert error={reports.error} />;
  if (d && d.items.length === 0 && !d.canSubmit) return null;
  return (
    <Card size="small" title={t('reports.title')} data-testid="reports-card">
      {!d && <Spin />}
      {d && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('reports.hint')}</Typography.Text>
          {/* In the card's body, not its header: on a phone the header has no room for both. */}
          {d.canSubmit && <Button type="primary" icon={<PlusOutlined />} onClick={() => setWriting(true)} data-testid="report-new">{t('reports.submit')}</Button>}
          {d.items.length === 0 && <Typography.Text>{t('reports.none')}</Typography.Text>}
          {d.items.map((r) => <ReportItem key={r.id} projectId={project.id} report={r} max={d.maxEvidence} />)}
        </Space>
      )}
      {writing && d && <ReportForm project={project} last={d.items[0]} max={d.maxEvidence} onClose={() => setWriting(false)} />}
    </Card>
  );
}
