import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useChart } from '../../ui/useChart';
import type { RolloutMonth } from './types';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** National GMV per month in yuan: assisted orders downstream beside storefront sales upstream. */
export default function NationalGmvChart({ months }: { months: RolloutMonth[] }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const chart = useChart(el);

  useEffect(() => {
    const yuan = (fen: number) => fen / 100;
    chart.current?.setOption(
      {
        grid: { left: 80, right: 16, top: 48, bottom: 32 },
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        xAxis: { type: 'category', data: months.map((m) => m.month) },
        yAxis: { type: 'value', name: t('rollout.yuan') },
        series: [
          { type: 'bar', name: t('rollout.downstream'), data: months.map((m) => yuan(m.gmvFen)) },
          { type: 'bar', name: t('rollout.upstream'), data: months.map((m) => yuan(m.upstreamSalesFen)) },
        ],
      },
      { notMerge: true },
    );
  }, [chart, months, t]);

  return (
    <div
      ref={el}
      style={{ width: '100%', height: 320 }}
      data-testid="rollout-gmv-chart"
      role="img"
      aria-label={t('rollout.gmvChart')}
    />
  );
}
