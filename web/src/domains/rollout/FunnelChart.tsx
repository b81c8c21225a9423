import { FunnelChart as Funnel } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useChart } from '../../ui/useChart';
import type { RolloutDashboard } from './types';

use([Funnel, TooltipComponent, CanvasRenderer]);

/** Applications submitted → approved → partners certified → centres open, nationally. */
export default function FunnelChart({ funnel }: { funnel: RolloutDashboard['funnel'] }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const chart = useChart(el);

  useEffect(() => {
    const stages = (['submitted', 'approved', 'certified', 'open'] as const).map((stage) => ({
      name: t(`rollout.funnel.${stage}`),
      value: funnel[stage],
    }));
    chart.current?.setOption(
      {
        tooltip: { trigger: 'item', formatter: '{b}: {c}' },
        series: [
          {
            type: 'funnel',
            sort: 'none',
            left: '10%',
            width: '80%',
            label: { position: 'inside', formatter: '{b}\n{c}' },
            data: stages,
          },
        ],
      },
      { notMerge: true },
    );
  }, [chart, funnel, t]);

  return (
    <div
      ref={el}
      style={{ width: '100%', height: 300 }}
      data-testid="rollout-funnel-chart"
      role="img"
      aria-label={t('rollout.funnelChart')}
    />
  );
}
