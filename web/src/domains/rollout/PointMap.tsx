import { ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useChart } from '../../ui/useChart';

use([ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** `tip`: the tooltip's lines, as plain text. */
export type MapPoint = { id: string; name: string; lat: number; lon: number; size: number; tip: string[] };
export type MapSeries = { name: string; color: string; points: MapPoint[] };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The axis around the points with a margin, also for a single point (ECharts would span 0 to it). */
function bounds(values: number[]): { min?: number; max?: number } {
  if (values.length === 0) return {};
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const pad = Math.max(0.05, (hi - lo) * 0.08);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { min: round(lo - pad), max: round(hi + pad) };
}

/**
 * Places on longitude/latitude axes: no map outline ships with the platform (it works offline),
 * and the points themselves draw the shape of the network. Clicking a point selects it.
 */
export default function PointMap({
  series,
  onSelect,
  height = 420,
  testId,
  label,
}: {
  series: MapSeries[];
  onSelect?: (id: string) => void;
  height?: number;
  testId: string;
  label: string;
}) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const chart = useChart(el);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const all = series.flatMap((s) => s.points);
    const [lons, lats] = [all.map((p) => p.lon), all.map((p) => p.lat)];
    instance.setOption(
      {
        grid: { left: 56, right: 24, top: 40, bottom: 40 },
        legend: { top: 0 },
        tooltip: {
          trigger: 'item',
          // The tooltip is HTML and names come from users: escape them.
          formatter: (p: { data: { tip: string[] } }) => p.data.tip.map(escapeHtml).join('<br/>'),
        },
        xAxis: { type: 'value', name: t('rollout.longitude'), splitLine: { show: false }, ...bounds(lons) },
        yAxis: { type: 'value', name: t('rollout.latitude'), splitLine: { show: false }, ...bounds(lats) },
        series: series.map((s) => ({
          type: 'scatter',
          name: s.name,
          itemStyle: { color: s.color, opacity: 0.8 },
          symbolSize: (_v: unknown, p: { data: { size: number } }) => p.data.size,
          // A national dataset has a thousand counties; draw them in one pass.
          large: s.points.length > 2000,
          data: s.points.map((p) => ({
            value: [p.lon, p.lat],
            id: p.id,
            name: p.name,
            size: p.size,
            tip: p.tip,
          })),
        })),
      },
      { notMerge: true },
    );
    if (!onSelect) return;
    const click = (p: { data?: unknown }) => {
      const id = (p.data as { id?: unknown } | null | undefined)?.id;
      if (typeof id === 'string') onSelect(id);
    };
    instance.on('click', click);
    return () => {
      instance.off('click', click);
    };
  }, [chart, series, onSelect, t]);

  return (
    <div ref={el} style={{ width: '100%', height }} data-testid={testId} role="img" aria-label={label} />
  );
}
