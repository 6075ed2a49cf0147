import { Alert, Button, Empty, Space, Spin, theme } from 'antd';
import { ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { approximatePoint, labelPoint, outerRings, type Ring } from './mapGeometry.ts';
import { MAP_STATES, OVERDUE_COLOUR as OVERDUE, pointColour, STATE_COLOURS } from './needColours.ts';
import type { GridView, NeedMap as NeedMapAnswer, NeedMapGrid, NeedMapItem } from './needQueries.ts';
import { Typography } from '../../components/Typography.tsx';

echarts.use([GeoComponent, TooltipComponent, ScatterChart, CanvasRenderer]);
/** The overdue red darkened enough to be read as text on a white button. */
const OVERDUE_TEXT = '#cf1322';

interface Placed {
  item: NeedMapItem;
  at: [number, number];
  approximate: boolean;
}

interface Bubble {
  grid: NeedMapGrid;
  at: [number, number];
}

/**
 * The community's grids drawn from their GeoJSON boundaries, with open needs as points — or,
 * when the server finds them too many to read, one count per grid (a bubble on the map and a
 * button beside it). Clicking a grid or its count picks it as the filter, which asks for that
 * grid's points; clicking a point opens the need.
 */
export function NeedMap({
  communityId,
  grids,
  map,
  loading,
  selectedGridId,
  onSelectGrid,
  height,
}: {
  communityId: string;
  grids: GridView[];
  map: NeedMapAnswer | undefined;
  loading: boolean;
  selectedGridId?: string;
  onSelectGrid: (gridId: string | undefined) => void;
  height: number;
}) {
  const { t, i18n } = useTranslation();
  // The grid names on the map are text: they take the theme's secondary colour, darker in large text.
  const labelColour = theme.useToken().token.colorTextSecondary;
  const navigate = useNavigate();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // Handlers read the latest props through refs; the chart is not rebuilt for them.
  const select = useRef(onSelectGrid);
  select.current = onSelectGrid;
  const selected = useRef(selectedGridId);
  selected.current = selectedGridId;

  const drawn = useMemo(() => grids.filter((g) => outerRings(g.boundary).length > 0), [grids]);
  const mapName = `sanshe-grids-${communityId}`;
  const counts = map?.mode === 'grids' ? map.grids : null;
  const rings = useMemo(() => new Map<string, Ring[]>(drawn.map((g) => [g.id, outerRings(g.boundary)])), [drawn]);
  const placed = useMemo(() => {
    return (map?.mode === 'points' ? map.points : []).flatMap((item): Placed[] => {
      if (item.point) return [{ item, at: [item.point.lng, item.point.lat], approximate: false }];
      const r = rings.get(item.gridId);
      const at = r ? approximatePoint(r, item.id) : null;
      return at ? [{ item, at, approximate: true }] : [];
    });
  }, [rings, map]);
  const bubbles = useMemo(() => {
    return (counts ?? []).flatMap((grid): Bubble[] => {
      const r = rings.get(grid.gridId);
      const at = r ? labelPoint(r, grid.gridId) : null;
      return at ? [{ grid, at }] : [];
    });
  }, [rings, counts]);

  useEffect(() => {
    if (!el.current || drawn.length === 0) return;
    const c = echarts.init(el.current);
    chart.current = c;
    c.on('click', (p) => {
      if (p.componentType === 'series') {
        const d = p.data as { needId?: string; gridId?: string } | undefined;
        if (d?.needId) navigate(`/needs/${d.needId}`);
        else if (d?.gridId) select.current(d.gridId);
      } else if (p.componentType === 'geo') {
        const gridId = p.name;
        select.current(selected.current === gridId ? undefined : gridId);
      }
    });
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [drawn.length, navigate]);

  useEffect(() => {
    const c = chart.current;
    if (!c || drawn.length === 0) return;
    // Features are named by grid id so a click maps back to the grid; labels show the grid name.
    echarts.registerMap(mapName, {
      type: 'FeatureCollection',
      features: drawn.map((g) => ({ type: 'Feature', properties: { name: g.id }, geometry: g.boundary as object })),
    } as never);
    const names = new Map(drawn.map((g) => [g.id, g.name]));
    const lats = drawn.flatMap((g) => outerRings(g.boundary).flat().map((p) => p[1]));
    const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
    const stateLabel = (s: string) => t(`needState.${s}`);
    const largest = Math.max(1, ...bubbles.map((b) => b.grid.count));
    c.setOption(
      {
        tooltip: {
          trigger: 'item',
          formatter: (p: { componentType: string; name: string; data?: { item?: NeedMapItem; approximate?: boolean; grid?: NeedMapGrid } }) => {
            if (p.componentType === 'geo') return escape(names.get(p.name) ?? '');
            const d = p.data;
            if (d?.grid) return `<b>${escape(d.grid.name)}</b><br/>${escape(t('needsBoard.mapGridDetail', { ...d.grid }))}`;
            if (!d?.item) return '';
            const lines = [
              `<b>${escape(d.item.refNo)}</b> · ${escape(stateLabel(d.item.state))}`,
              escape(d.item.categoryName),
              d.item.overdue ? `<span style="color:${OVERDUE}">${escape(t('needsBoard.overdue'))}</span>` : '',
              d.approximate ? `<i>${escape(t('needsBoard.approximate'))}</i>` : '',
            ];
            return lines.filter(Boolean).join('<br/>');
          },
        },
        geo: {
          map: mapName,
          roam: true,
          // Degrees of longitude shrink with latitude; this keeps the grids' true shape.
          aspectScale: Math.cos((midLat * Math.PI) / 180),
          layoutCenter: ['50%', '50%'],
          layoutSize: '95%',
          selectedMode: 'single',
          label: { show: true, formatter: (p: { name: string }) => names.get(p.name) ?? '', color: labelColour, fontSize: 10 },
          itemStyle: { areaColor: '#f0f5ff', borderColor: '#85a5ff', borderWidth: 1 },
          emphasis: { itemStyle: { areaColor: '#d6e4ff' }, label: { show: true } },
          select: { itemStyle: { areaColor: '#adc6ff' }, label: { show: true, color: '#10239e' } },
          regions: selectedGridId ? [{ name: selectedGridId, selected: true }] : [],
        },
        series: [
          {
            type: 'scatter',
            coordinateSystem: 'geo',
            // Area, not radius, grows with the count, so a grid with twice the needs looks twice as big.
            symbolSize: (_v: unknown, p: { data: { grid: NeedMapGrid } }) => 24 + 28 * Math.sqrt(p.data.grid.count / largest),
            label: { show: true, formatter: (p: { data: { grid: NeedMapGrid } }) => String(p.data.grid.count), color: '#fff', fontWeight: 'bold' },
            data: bubbles.map((b) => ({
              value: b.at,
              gridId: b.grid.gridId,
              grid: b.grid,
              itemStyle: { color: b.grid.overdue > 0 ? OVERDUE : '#2f54eb', opacity: 0.85, borderColor: '#fff', borderWidth: 1 },
            })),
          },
          {
            type: 'scatter',
            coordinateSystem: 'geo',
            symbolSize: (_v: unknown, p: { data: { item: NeedMapItem } }) => (p.data.item.urgency === 'urgent' || p.data.item.overdue ? 13 : 10),
            data: placed.map((p) => ({
              value: p.at,
              needId: p.item.id,
              item: p.item,
              approximate: p.approximate,
              itemStyle: {
                color: pointColour(p.item),
                borderColor: '#fff',
                borderWidth: 1,
                opacity: p.approximate ? 0.75 : 1,
              },
              symbol: p.approximate ? 'emptyCircle' : 'circle',
            })),
          },
        ],
      },
      { notMerge: true },
    );
  }, [mapName, drawn, placed, bubbles, selectedGridId, t, i18n.language, labelColour]);

  if (loading && drawn.length === 0) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {counts && <Alert type="info" showIcon title={t(selectedGridId ? 'needsBoard.mapGridTooMany' : 'needsBoard.mapGridsNotice', { total: map!.total })} />}
      {selectedGridId && (
        <Button size="small" onClick={() => onSelectGrid(undefined)} data-testid="map-whole-view">
          {t('needsBoard.mapWholeView')}
        </Button>
      )}
      {drawn.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('needsBoard.noBoundaries')} data-testid="board-map" />
      ) : (
        <div
          ref={el}
          data-testid="board-map"
          data-mode={map?.mode}
          data-points={placed.length}
          data-grids={bubbles.length}
          role="img"
          aria-label={counts ? t('needsBoard.mapGridsLabel', { total: map!.total }) : t('needsBoard.mapLabel', { count: placed.length })}
          style={{ width: '100%', height }}
        />
      )}
      {counts ? <GridCounts grids={counts} onSelect={onSelectGrid} /> : drawn.length > 0 && <Legend />}
    </Space>
  );
}

/** The counts as buttons, so a grid can be chosen without pointing at the map. */
function GridCounts({ grids, onSelect }: { grids: NeedMapGrid[]; onSelect: (gridId: string) => void }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('needsBoard.mapGridList')}>
      <Space wrap size={[8, 8]}>
        {grids.map((g) => (
          <Button key={g.gridId} size="small" onClick={() => onSelect(g.gridId)} data-testid="map-grid" data-grid-id={g.gridId} data-count={g.count}>
            {t('needsBoard.mapGridCount', { name: g.name, count: g.count })}
            {g.overdue > 0 && <span style={{ color: OVERDUE_TEXT, marginInlineStart: 4 }}>({t('needsBoard.tabOverdue', { count: g.overdue })})</span>}
          </Button>
        ))}
      </Space>
    </nav>
  );
}

function Legend() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  // The theme's small size and secondary text: both grow and darken in large text.
  const legendText = { fontSize: token.fontSizeSM, color: token.colorTextSecondary };
  const entries: [string, string][] = [
    [t('needsBoard.overdue'), OVERDUE],
    ...MAP_STATES.map((s): [string, string] => [t(`needState.${s}`), STATE_COLOURS[s]!]),
  ];
  return (
    <Space wrap size={12} data-testid="map-legend">
      {entries.map(([label, colour]) => (
        <Typography.Text key={label} style={legendText}>
          <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: colour, marginInlineEnd: 4 }} />
          {label}
        </Typography.Text>
      ))}
      <Typography.Text style={legendText}>
        <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, border: `1.5px solid ${token.colorTextTertiary}`, marginInlineEnd: 4 }} />
        {t('needsBoard.approximate')}
      </Typography.Text>
    </Space>
  );
}

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
