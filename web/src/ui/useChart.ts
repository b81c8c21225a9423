import { type EChartsType, init } from 'echarts/core';
import { type RefObject, useEffect, useRef } from 'react';

/**
 * An ECharts instance that lives as long as its container and follows its size; callers
 * redraw it in place with `setOption` when their data changes.
 */
export function useChart(el: RefObject<HTMLDivElement | null>): RefObject<EChartsType | null> {
  const chart = useRef<EChartsType | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const instance = init(el.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      chart.current = null;
      instance.dispose();
    };
  }, [el]);
  return chart;
}
