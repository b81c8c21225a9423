import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useChart } from '../../ui/useChart';
import type { CenterPerformance } from './types';

// Only the pieces this chart draws, so the chunk stays a fraction of the full ECharts bundle.
use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** GMV per centre in yuan, this period beside the previous one. Loaded lazily with ECharts. */
export default function GmvChart({ rows }: { rows: CenterPerformance[] }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const chart = useChart(el);

  useEffect(() => {
    const yuan = (fen: number) => fen / 100;
    chart.current?.setOption(
      {
        grid: { left: 64, right: 16, top: 24, bottom: 48 },
        tooltip: { trigger: 'axis' },
        xAxis: {
          type: 'category',
          data: rows.map((r) => r.centerName),
          axisLabel: { interval: 0, rotate: 30 },
        },
        yAxis: { type: 'value', name: t('performance.gmvYuan') },
        series: [
          {
            type: 'bar',
            name: t('performance.previousPeriod'),
            data: rows.map((r) => yuan(r.previous.gmvFen)),
          },
          { type: 'bar', name: t('performance.thisPeriod'), data: rows.map((r) => yuan(r.gmvFen)) },
        ],
      },
      { notMerge: true },
    );
  }, [chart, rows, t]);

  return (
    <div
      ref={el}
      style={{ width: '100%', height: 320 }}
      data-testid="gmv-chart"
      role="img"
      aria-label={t('performance.gmvChart')}
    />
  );
}
