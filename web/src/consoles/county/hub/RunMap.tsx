import { Alert, Spin } from 'antd';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsType, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVehicles } from '../../../domains/logistics/api';
import type { Run } from '../../../domains/logistics/types';
import { useCenters, useCounty, useVillages } from '../../../domains/network/api';
import { axisOption, type RunMapScene, type RunMapText, runMapOption } from './runMapOption';

// Only the pieces this map draws, so the chunk stays a fraction of the full ECharts bundle.
use([LineChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const height = 380;

/** The day's runs drawn from the county hub through the centres' villages and back. */
export default function RunMap({ countyId, runs }: { countyId: string; runs: Run[] }) {
  const { t } = useTranslation();
  const county = useCounty(countyId);
  const villages = useVillages(countyId);
  const centers = useCenters(countyId);
  const vehicles = useVehicles(countyId);

  const scene = useMemo((): RunMapScene | undefined => {
    if (!county.data || !villages.data || !centers.data || !vehicles.data) return undefined;
    const villageById = new Map(villages.data.map((v) => [v.id, v]));
    return {
      hub: county.data.hub,
      centers: centers.data.flatMap((c) => {
        const v = villageById.get(c.villageId);
        return v ? [{ id: c.id, name: c.name, lat: v.lat, lon: v.lon }] : [];
      }),
      runs,
      vehicles: vehicles.data,
    };
  }, [county.data, villages.data, centers.data, vehicles.data, runs]);

  const text = useMemo(
    (): RunMapText => ({
      hub: t('runs.map.hub'),
      vanTrip: (van, trip) => `${van} · ${t('runs.trip', { trip })}`,
      figures: (run) =>
        t('runs.figures', {
          km: run.distanceKm.toFixed(1),
          minutes: Math.round(run.durationMinutes),
          kg: run.loadKg.toFixed(1),
        }),
    }),
    [t],
  );

  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const ready = scene !== undefined;

  // The chart lives as long as its container; data changes redraw it in place.
  useEffect(() => {
    if (!ready || !el.current) return;
    const instance = init(el.current);
    chart.current = instance;
    return () => {
      chart.current = null;
      instance.dispose();
    };
  }, [ready]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !scene) return;
    instance.setOption(runMapOption(scene, text, instance.getWidth(), instance.getHeight()), {
      notMerge: true,
    });
    // A new size changes the fitted ranges too, or the map would stretch with the page.
    const observer = new ResizeObserver(() => {
      instance.resize();
      instance.setOption(axisOption(scene, instance.getWidth(), instance.getHeight()));
    });
    observer.observe(instance.getDom());
    return () => observer.disconnect();
  }, [scene, text]);

  const failed = county.error ?? villages.error ?? centers.error ?? vehicles.error;
  if (failed) return <Alert type="error" showIcon title={t('runs.map.failed')} />;
  if (!ready) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <div
      ref={el}
      style={{ width: '100%', height }}
      data-testid="run-map"
      role="img"
      aria-label={t('runs.map.title')}
    />
  );
}
