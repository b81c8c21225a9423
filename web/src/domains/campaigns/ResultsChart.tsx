import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useChart } from '../../ui/useChart';
import type { CenterResult } from './types';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** GMV per target centre in yuan, the period before the campaign beside the campaign. Loaded lazily. */
export default function ResultsChart({ rows }: { rows: CenterResult[] }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const chart = useChart(el);

  useEffect(() => {
    const yuan = (fen: number) => fen / 100;
    chart.current?.setOption(
      {
        grid: { left: 64, right: 16, top: 40, bottom: 48 },
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        xAxis: {
          type: 'category',
          data: rows.map((r) => r.centerName),
          axisLabel: { interval: 0, rotate: 30 },
        },
        yAxis: { type: 'value', name: t('performance.gmvYuan') },
        series: [
          { type: 'bar', name: t('campaigns.before'), data: rows.map((r) => yuan(r.before.gmvFen)) },
          { type: 'bar', name: t('campaigns.during'), data: rows.map((r) => yuan(r.gmvFen)) },
        ],
      },
      { notMerge: true },
    );
  }, [chart, rows, t]);

  return (
    <div
      ref={el}
      style={{ width: '100%', height: 320 }}
      data-testid="campaign-chart"
      role="img"
      aria-label={t('campaigns.chart')}
    />
  );
}
