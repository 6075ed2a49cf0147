import { Alert, Grid, List, Table, Tag, theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCommonLabels } from '../../components/labels.ts';
import { ADMINISTRATIVE_COLOUR, PROFESSIONAL_COLOUR } from '../worklog/SummaryCharts.tsx';
import { hours } from '../worklog/worklogDates.ts';
import { certificateColor } from '../workforce/SocialWorkersPage.tsx';
import type { WorkerRow, WorkforceView } from './workforceViewQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/** A figure falling short of its target (staffing) or going beyond it (administrative share, supervision ratio). */
const WARNING_COLOUR = '#ad4e00';
const NEUTRAL_COLOUR = '#5b6b7a';

const cardTitle = (text: string) => <Typography.Title level={4} style={{ margin: 0, fontSize: '1.1em', whiteSpace: 'normal' }}>{text}</Typography.Title>;

/** A number to one decimal without a trailing ".0" (8.7, 12, 30.5). */
export function figure(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function Swatch({ colour }: { colour: string }) {
  return <span aria-hidden style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 2, background: colour, marginInlineEnd: 6, verticalAlign: 'middle' }} />;
}

/** A target's mark across a bar: a dark line, taller than the bar. */
function Marker({ at }: { at: number }) {
  return <span style={{ position: 'absolute', insetInlineStart: `calc(${Math.min(100, Math.max(0, at))}% - 1px)`, top: -4, bottom: -4, width: 2, background: 'rgba(0, 0, 0, 0.85)' }} />;
}

/**
 * A horizontal bar, scaled to `scale`, with an optional target mark. It is drawn for the eye
 * only (aria-hidden): the figures it shows are written beside it.
 */
export function Bar({ value, scale, colour, target, height = 12, style }: { value: number | null; scale: number; colour: string; target?: number; height?: number; style?: CSSProperties }) {
  const { token } = theme.useToken();
  const width = value === null || scale <= 0 ? 0 : Math.min(100, (value / scale) * 100);
  return (
    <div aria-hidden style={{ position: 'relative', height, background: token.colorFillSecondary, borderRadius: 3, ...style }}>
      <div style={{ width: `${width}%`, minWidth: value ? 3 : 0, height: '100%', background: colour, borderRadius: 3 }} />
      {target !== undefined && scale > 0 && <Marker at={(target / scale) * 100} />}
    </div>
  );
}

/** A professional share as a bar: professional in blue, administrative in amber, the administrative target marked. */
function ShareBar({ share, adminTarget, height = 12 }: { share: number | null; adminTarget: number; height?: number }) {
  const { token } = theme.useToken();
  return (
    <div aria-hidden style={{ position: 'relative', display: 'flex', height, background: share === null ? token.colorFillSecondary : ADMINISTRATIVE_COLOUR, borderRadius: 3 }}>
      {share !== null && <div style={{ width: `${share}%`, height: '100%', background: PROFESSIONAL_COLOUR, borderRadius: share >= 100 ? 3 : '3px 0 0 3px' }} />}
      <Marker at={100 - adminTarget} />
    </div>
  );
}

function BigFigure({ value, label, muted }: { value: ReactNode; label: ReactNode; muted?: boolean }) {
  const { token } = theme.useToken();
  return (
    <div>
      <div style={{ fontSize: 40, lineHeight: 1.1, fontWeight: 700, color: muted ? token.colorTextSecondary : token.colorText }}>{value}</div>
      <div>{label}</div>
    </div>
  );
}

/** The unit's professional share, large, with the administrative share against the district's target and the totals. */
export function ShareCard({ view }: { view: WorkforceView }) {
  const { t } = useTranslation();
  const { share } = view.totals;
  const target = view.targets.adminShareTarget;
  const admin = share === null ? null : Math.round((100 - share) * 10) / 10;
  const over = admin !== null && admin > target;
  return (
    <Card size="small" title={cardTitle(t('workforceview.share.title'))} data-testid="wf-share" data-share={share ?? ''} data-over={over ? 'true' : 'false'} data-target={target}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: '8px 32px' }}>
        <BigFigure value={share === null ? '—' : `${share.toFixed(1)}%`} label={t('workforceview.share.label')} muted={share === null} />
        <BigFigure value={view.totals.workers} label={t('workforceview.share.workers')} />
        <BigFigure value={view.totals.openCases} label={t('workforceview.share.openCases')} />
      </div>
      {share !== null && (
        <div style={{ marginTop: 16 }}>
          <ShareBar share={share} adminTarget={target} height={16} />
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', marginTop: 8 }}>
            <span><Swatch colour={PROFESSIONAL_COLOUR} />{t('worklog.professional')}</span>
            <span><Swatch colour={ADMINISTRATIVE_COLOUR} />{t('worklog.administrative')}</span>
          </div>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('workforceview.share.barLegend', { target })}</Typography.Paragraph>
        </div>
      )}
      {view.totals.professional !== null && view.totals.administrative !== null && (
        <Typography.Paragraph style={{ margin: '8px 0 0' }}>{t('workforceview.share.hours', { professional: hours(view.totals.professional), administrative: hours(view.totals.administrative) })}</Typography.Paragraph>
      )}
      {admin === null ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('workforceview.share.noData')}</Typography.Paragraph>
      ) : over ? (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('workforceview.share.adminOver', { share: admin.toFixed(1), target })} data-testid="wf-share-over" />
      ) : (
        <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid="wf-share-within">{t('workforceview.share.adminWithin', { share: admin.toFixed(1), target })}</Typography.Paragraph>
      )}
    </Card>
  );
}

/** Supervised workers per supervisor, against one supervisor to `target`. */
export function SupervisionCard({ view }: { view: WorkforceView }) {
  const { t } = useTranslation();
  const { ratio, supervisors, supervised, sessions } = view.supervision;
  const target = view.targets.supervisionRatioTarget;
  const over = ratio !== null && ratio > target;
  return (
    <Card size="small" title={cardTitle(t('workforceview.supervision.title'))} data-testid="wf-supervision" data-ratio={ratio ?? ''} data-target={target} data-over={over ? 'true' : 'false'}>
      <BigFigure value={ratio === null ? '—' : t('workforceview.supervision.ratio', { ratio: figure(ratio) })} label={t('workforceview.supervision.target', { target })} muted={ratio === null} />
      {ratio !== null && <Bar value={ratio} scale={Math.max(ratio, target) * 1.25} target={target} colour={over ? WARNING_COLOUR : PROFESSIONAL_COLOUR} style={{ marginTop: 12 }} />}
      <Typography.Paragraph style={{ margin: '12px 0 0' }}>{t('workforceview.supervision.detail', { supervisors, supervised, sessions })}</Typography.Paragraph>
      {ratio === null ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('workforceview.supervision.none')}</Typography.Paragraph>
      ) : over ? (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('workforceview.supervision.over', { ratio: figure(ratio), target })} />
      ) : (
        <Typography.Paragraph style={{ margin: '8px 0 0' }}>{t('workforceview.supervision.within', { target })}</Typography.Paragraph>
      )}
    </Card>
  );
}

/** How many of the unit's workers are behind on their continuing-education hours. */
export function CeBehindCard({ view }: { view: WorkforceView }) {
  const { t } = useTranslation();
  const { ceBehind, workers } = view.totals;
  if (ceBehind === null) {
    return (
      <Card size="small" title={cardTitle(t('workforceview.ce.title'))} data-testid="wf-ce-behind">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('workforceview.ce.hidden')}</Typography.Paragraph>
      </Card>
    );
  }
  return (
    <Card size="small" title={cardTitle(t('workforceview.ce.title'))} data-testid="wf-ce-behind" data-count={ceBehind}>
      <BigFigure value={ceBehind} label={t('workforceview.ce.behind')} />
      {workers > 0 && <Bar value={ceBehind} scale={workers} colour={ceBehind ? WARNING_COLOUR : PROFESSIONAL_COLOUR} style={{ marginTop: 12 }} />}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{ceBehind === 0 ? t('workforceview.ce.none') : t('workforceview.ce.of', { workers })}</Typography.Paragraph>
    </Card>
  );
}

/** Staffing of each community per 10,000 residents, against the district's target: those below it stand out. */
export function StaffingCard({ view }: { view: WorkforceView }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const target = view.targets.workersPer10kTarget;
  const rows = view.communities;
  const scale = Math.max(target * 1.25, ...rows.map((c) => c.per10k ?? 0));
  const below = rows.filter((c) => c.per10k !== null && c.per10k < target).length;
  return (
    <Card size="small" title={cardTitle(t('workforceview.staffing.title'))} data-testid="wf-staffing" data-target={target} data-below={below}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('workforceview.staffing.hint')}</Typography.Paragraph>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('workforceview.staffing.empty')}</Typography.Text>
      ) : (
        <>
          {rows.length > 1 && <Typography.Paragraph strong style={{ marginTop: 0 }}>{t('workforceview.staffing.summary', { below, total: rows.length })}</Typography.Paragraph>}
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 6 }}>
            {rows.map((c) => {
              const short = c.per10k !== null && c.per10k < target;
              return (
                <li
                  key={c.id}
                  data-testid={`wf-staffing-${c.id}`}
                  data-per10k={c.per10k ?? ''}
                  data-below={short ? 'true' : 'false'}
                  style={{ padding: '6px 8px', borderRadius: 6, background: short ? token.colorWarningBg : undefined }}
                >
                  <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 8px', alignItems: 'baseline' }}>
                    <Typography.Text strong style={{ flex: '1 1 auto', overflowWrap: 'anywhere' }}>{c.name}</Typography.Text>
                    {short && <Tag color="warning" style={{ marginInlineEnd: 0 }}>{t('workforceview.staffing.below')}</Tag>}
                    <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{c.per10k === null ? t('workforceview.staffing.noResidents') : t('workforceview.staffing.value', { value: figure(c.per10k) })}</Typography.Text>
                  </div>
                  <Bar value={c.per10k} scale={scale} target={target} colour={short ? WARNING_COLOUR : PROFESSIONAL_COLOUR} style={{ margin: '6px 0 4px' }} />
                  <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
                    {t('workforceview.staffing.detail', { fte: figure(c.fte), workers: c.workers, residents: c.residents.toLocaleString(i18n.language) })}
                  </Typography.Text>
                </li>
              );
            })}
          </ul>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            <span aria-hidden style={{ display: 'inline-block', width: 2, height: 14, background: 'rgba(0, 0, 0, 0.85)', marginInlineEnd: 8, verticalAlign: 'middle' }} />
            {t('workforceview.staffing.legend', { target })}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}

/** Pay grades as counts: a grade held by fewer than three people shows no figure. */
export function PayGradesCard({ view }: { view: WorkforceView }) {
  const { t } = useTranslation();
  const rows = view.payGrades;
  const most = Math.max(1, ...rows.map((g) => g.workers ?? 0));
  return (
    <Card size="small" title={cardTitle(t('workforceview.payGrades.title'))} data-testid="wf-paygrades">
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('workforceview.payGrades.empty')}</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 10 }}>
          {rows.map((g) => (
            <li key={g.grade} data-testid="wf-paygrade" data-grade={g.grade} data-workers={g.workers ?? ''}>
              <div style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
                <span style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{g.grade || t('workforceview.payGrades.unrecorded')}</span>
                {g.workers === null ? (
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('workforceview.payGrades.fewer')}</Typography.Text>
                ) : (
                  <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{t('workforceview.payGrades.value', { count: g.workers })}</Typography.Text>
                )}
              </div>
              {g.workers !== null && <Bar value={g.workers} scale={most} colour={NEUTRAL_COLOUR} height={8} style={{ marginTop: 2 }} />}
            </li>
          ))}
        </ul>
      )}
      {rows.some((g) => g.workers === null) && <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>{t('workforceview.payGrades.note')}</Typography.Paragraph>}
    </Card>
  );
}

function CeState({ behind }: { behind: boolean | null }) {
  const { t } = useTranslation();
  if (behind === null) return <span>—</span>;
  return behind ? <Tag color="warning" style={{ marginInlineEnd: 0 }}>{t('workforceview.workers.ceBehind')}</Tag> : <span>{t('workforceview.workers.ceOnTrack')}</span>;
}

const shareText = (share: number | null) => (share === null ? '—' : `${share.toFixed(1)}%`);
const PAGE = 25;

/**
 * Each worker's open cases (bars scaled to the largest caseload) and, where the caller reads
 * their log, their professional share: a sortable table on a wide screen, stacked rows on a phone.
 */
export function WorkersCard({ view }: { view: WorkforceView }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const labels = useCommonLabels();
  const wide = Grid.useBreakpoint().md;
  const rows = view.workers;
  const most = Math.max(1, ...rows.map((w) => w.openCases));
  const adminTarget = view.targets.adminShareTarget;
  const name = (w: WorkerRow) => (
    <div style={{ minWidth: 0 }}>
      <Link to={`/social-workers/${w.id}`} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{w.name}</Link>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 6px', alignItems: 'center', marginTop: 2 }}>
        <Tag color={certificateColor(w.certificateLevel)} style={{ marginInlineEnd: 0 }}>{labels.certificate(w.certificateLevel)}</Tag>
        {w.employerName && <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM, overflowWrap: 'anywhere' }}>{w.employerName}</Typography.Text>}
      </div>
    </div>
  );
  const cases = (w: WorkerRow) => (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <Bar value={w.openCases} scale={most} colour={PROFESSIONAL_COLOUR} style={{ flex: 1, minWidth: 40 }} />
      <span style={{ minWidth: '2.5em', textAlign: 'end', whiteSpace: 'nowrap' }}>{t('workforceview.workers.casesValue', { count: w.openCases })}</span>
    </div>
  );
  const share = (w: WorkerRow) => (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <div style={{ flex: 1, minWidth: 40 }}>{w.share !== null && <ShareBar share={w.share} adminTarget={adminTarget} />}</div>
      <span style={{ minWidth: '3.5em', textAlign: 'end', whiteSpace: 'nowrap' }}>{shareText(w.share)}</span>
    </div>
  );
  const attributes = (w: WorkerRow) => ({ 'data-testid': `wf-worker-${w.id}`, 'data-open-cases': w.openCases, 'data-share': w.share ?? '', 'data-ce-behind': w.ceBehind === null ? '' : String(w.ceBehind) });
  const pagination = rows.length > PAGE ? { pageSize: PAGE, showSizeChanger: false, hideOnSinglePage: true } : false;
  const byShare = (a: WorkerRow, b: WorkerRow) => (a.share ?? -1) - (b.share ?? -1);

  return (
    <Card size="small" title={cardTitle(t('workforceview.workers.title'))} data-testid="wf-caseloads" data-workers={rows.length}>
      {wide ? (
        <Table<WorkerRow>
          size="small"
          rowKey="id"
          dataSource={rows}
          pagination={pagination}
          locale={{ emptyText: t('workforceview.workers.empty') }}
          onRow={(w) => attributes(w) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('workforceview.workers.name'), key: 'name', render: (_, w) => name(w), sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
            { title: t('workforceview.workers.openCases'), key: 'cases', width: '28%', render: (_, w) => cases(w), sorter: (a, b) => a.openCases - b.openCases },
            { title: t('workforceview.workers.share'), key: 'share', width: '28%', render: (_, w) => share(w), sorter: byShare },
            { title: t('workforceview.workers.ce'), key: 'ce', width: 120, render: (_, w) => <CeState behind={w.ceBehind} /> },
          ]}
        />
      ) : (
        <List<WorkerRow>
          size="small"
          dataSource={rows}
          rowKey="id"
          pagination={rows.length > PAGE ? { pageSize: PAGE, size: 'small', align: 'center' } : false}
          locale={{ emptyText: t('workforceview.workers.empty') }}
          renderItem={(w) => (
            <List.Item {...attributes(w)} style={{ display: 'block', paddingInline: 0 }}>
              {name(w)}
              <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 11em) minmax(40px, 1fr)', gap: '6px 8px', alignItems: 'center', marginTop: 6 }}>
                <span>{t('workforceview.workers.casesLine', { count: w.openCases })}</span>
                <Bar value={w.openCases} scale={most} colour={PROFESSIONAL_COLOUR} />
                <span>{t('workforceview.workers.shareLine', { share: shareText(w.share) })}</span>
                {w.share === null ? <span /> : <ShareBar share={w.share} adminTarget={adminTarget} />}
              </div>
              {w.ceBehind !== null && (
                <div style={{ display: 'flex', gap: 6, alignItems: 'center', marginTop: 6 }}>
                  <span>{t('workforceview.workers.ce')}</span>
                  <CeState behind={w.ceBehind} />
                </div>
              )}
            </List.Item>
          )}
        />
      )}
      {rows.some((w) => w.share === null) && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('workforceview.workers.hiddenNote')}</Typography.Paragraph>}
    </Card>
  );
}
