import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Run, Vehicle } from '../../../domains/logistics/types';

export type RunMapOption = ComposeOption<
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

export type Point = { lat: number; lon: number };
export type MapCenter = Point & { id: string; name: string };

export type RunMapScene = {
  hub: Point;
  centers: MapCenter[];
  runs: Run[];
  vehicles: Vehicle[];
};

/** Every visible string comes from the page's translations. */
export type RunMapText = {
  hub: string;
  vanTrip: (van: string, trip: number) => string;
  figures: (run: Run) => string;
};

/** Fixed pixel margins, so the plot area is known when the axis ranges are fitted to it. */
const margin = { left: 16, right: 16, top: 40, bottom: 16 };

// Enough distinct hues for a county's vans; beyond that colours repeat, the legend still names each van.
const palette = ['#1677ff', '#fa541c', '#52c41a', '#722ed1', '#eb2f96', '#13c2c2', '#faad14', '#2f54eb'];
// Later trips of one van keep its colour but are told apart by dash and strength.
const tripStyles = [
  { type: 'solid', opacity: 0.95 },
  { type: 'dashed', opacity: 0.75 },
  { type: 'dotted', opacity: 0.6 },
] as const;

const kmPerDegree = 111.32;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Axis ranges that give one kilometre the same length on screen east-west as north-south:
 * a degree of longitude shrinks with the cosine of the latitude, so the raw degrees would stretch the map.
 */
function fittedRanges(points: Point[], width: number, height: number) {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const [minLon, maxLon, minLat, maxLat] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const midLat = (minLat + maxLat) / 2;
  const lonKm = kmPerDegree * Math.cos((midLat * Math.PI) / 180);
  const plotW = Math.max(width - margin.left - margin.right, 1);
  const plotH = Math.max(height - margin.top - margin.bottom, 1);
  // A floor of a kilometre keeps a single point (or a line of them) from zooming in without limit.
  const spanKm = (deg: number, kmPerDeg: number) => Math.max(deg * kmPerDeg, 1) * 1.15;
  const kmPerPx = Math.max(
    spanKm(maxLon - minLon, lonKm) / plotW,
    spanKm(maxLat - minLat, kmPerDegree) / plotH,
  );
  const halfLon = (plotW * kmPerPx) / lonKm / 2;
  const halfLat = (plotH * kmPerPx) / kmPerDegree / 2;
  const midLon = (minLon + maxLon) / 2;
  return {
    x: { min: midLon - halfLon, max: midLon + halfLon },
    y: { min: midLat - halfLat, max: midLat + halfLat },
  };
}

/** Only the axis ranges depend on the chart's size; a resize updates just them. */
export function axisOption(scene: RunMapScene, width: number, height: number): RunMapOption {
  const { x, y } = fittedRanges([scene.hub, ...scene.centers], width, height);
  const axis = { type: 'value', show: false } as const;
  return { xAxis: { ...axis, ...x }, yAxis: { ...axis, ...y } };
}

export function runMapOption(
  scene: RunMapScene,
  text: RunMapText,
  width: number,
  height: number,
): RunMapOption {
  const centerById = new Map(scene.centers.map((c) => [c.id, c]));
  const vehicleIndex = new Map(scene.vehicles.map((v, i) => [v.id, i]));
  const vanName = (id: string) => scene.vehicles.find((v) => v.id === id)?.name ?? id;
  const hubPoint = { name: text.hub, value: [scene.hub.lon, scene.hub.lat] };

  const runSeries = scene.runs.map((run): LineSeriesOption => {
    const color = palette[(vehicleIndex.get(run.vehicleId) ?? 0) % palette.length];
    const style = tripStyles[Math.min(run.trip - 1, tripStyles.length - 1)] ?? tripStyles[0];
    const stops = [...run.stops]
      .sort((a, b) => a.sequence - b.sequence)
      .flatMap((s) => {
        const c = centerById.get(s.centerId);
        return c ? [{ name: c.name, value: [c.lon, c.lat] }] : [];
      });
    const header = `<b>${escapeHtml(text.vanTrip(vanName(run.vehicleId), run.trip))}</b><br/>${escapeHtml(text.figures(run))}`;
    return {
      type: 'line',
      id: run.id,
      // Series of one van share its name, so its legend entry shows and hides all its trips together.
      name: vanName(run.vehicleId),
      data: [hubPoint, ...stops, hubPoint],
      color,
      lineStyle: { color, width: 2.5, type: style.type, opacity: style.opacity },
      itemStyle: { color, opacity: style.opacity },
      symbolSize: 6,
      triggerLineEvent: true,
      // Above the plain centre dots, so hovering a stop tells which run serves it.
      z: 4,
      tooltip: {
        formatter: (p) => {
          const point = Array.isArray(p) ? undefined : (p.data as { name?: string } | undefined);
          return point?.name ? `${escapeHtml(point.name)}<br/>${header}` : header;
        },
      },
    };
  });

  const centerSeries: ScatterSeriesOption = {
    type: 'scatter',
    data: scene.centers.map((c) => ({ name: c.name, value: [c.lon, c.lat] })),
    symbolSize: 9,
    itemStyle: { color: '#fff', borderColor: '#595959', borderWidth: 1.5 },
    z: 3,
    tooltip: { formatter: (p) => escapeHtml(Array.isArray(p) ? '' : p.name) },
  };
  const hubSeries: ScatterSeriesOption = {
    type: 'scatter',
    data: [hubPoint],
    symbol: 'diamond',
    symbolSize: 20,
    itemStyle: { color: '#262626', borderColor: '#fff', borderWidth: 2 },
    z: 5,
    tooltip: { formatter: () => escapeHtml(text.hub) },
  };

  const vans = scene.vehicles.filter((v) => scene.runs.some((r) => r.vehicleId === v.id)).map((v) => v.name);
  return {
    animation: false,
    grid: { ...margin },
    legend: { data: vans, top: 4, left: 'center' },
    tooltip: { trigger: 'item', confine: true },
    ...axisOption(scene, width, height),
    series: [...runSeries, centerSeries, hubSeries],
  };
}
