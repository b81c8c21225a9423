import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useChart } from '../../ui/useChart';
import type { RolloutMonth, RolloutTargets } from './types';

use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/**
 * Counties and open centres at each month's end against their targets. Centres run into the
 * tens of thousands and counties into the hundreds, so each has its own axis.
 */
export default function ProgressChart({
  months,
  targets,
}: {
  months: RolloutMonth[];
  targets: RolloutTargets;
}) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const chart = useChart(el);

  useEffect(() => {
    const target = (value: number, label: string) => ({
      symbol: 'none',
      lineStyle: { type: 'dashed' as const },
      label: { formatter: label },
      data: [{ yAxis: value }],
    });
    chart.current?.setOption(
      {
        grid: { left: 64, right: 64, top: 48, bottom: 32 },
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        xAxis: { type: 'category', data: months.map((m) => m.month) },
        yAxis: [
          {
            type: 'value',
            name: t('rollout.counties'),
            max: (v: { max: number }) => Math.max(v.max, targets.counties),
          },
          {
            type: 'value',
            name: t('rollout.centersOpen'),
            max: (v: { max: number }) => Math.max(v.max, targets.centers),
          },
        ],
        series: [
          {
            type: 'line',
            name: t('rollout.counties'),
            yAxisIndex: 0,
            data: months.map((m) => m.counties),
            markLine: target(targets.counties, t('rollout.countyTarget', { n: targets.counties })),
          },
          {
            type: 'line',
            name: t('rollout.centersOpen'),
            yAxisIndex: 1,
            data: months.map((m) => m.centersOpen),
            markLine: target(targets.centers, t('rollout.centerTarget', { n: targets.centers })),
          },
        ],
      },
      { notMerge: true },
    );
  }, [chart, months, targets, t]);

  return (
    <div
      ref={el}
      style={{ width: '100%', height: 320 }}
      data-testid="rollout-progress-chart"
      role="img"
      aria-label={t('rollout.progressChart')}
    />
  );
}
