// One chart: ECharts on a div (the library loaded on first use, echartsCore.ts), drawn on canvas in
// the app's Chinese font stack, resized with its container and disposed on unmount. A click on a
// data item is passed up.
import type { ComposeOption, ECharts } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { useEffect, useRef, type CSSProperties } from 'react';
import { inOwnTask } from '../../lib/ownTasks';
import type * as EchartsCoreModule from './echartsCore';

type EchartsCore = typeof EchartsCoreModule;
let loading: Promise<EchartsCore> | undefined;
/** The library, fetched once; a failed fetch is tried again by the next chart. */
function loadEcharts(): Promise<EchartsCore> {
  loading ??= import('./echartsCore').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** The app's font stack with Chinese faces, so CJK labels do not fall back to boxes on the canvas. */
export const chartFontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', 'Source Han Sans SC', sans-serif";

export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
  name: string;
}

interface EChartProps {
  option: ChartOption;
  onClick?: (event: ChartClick) => void;
  height?: number;
  style?: CSSProperties;
  'data-testid'?: string;
}

export function EChart({ option, onClick, height = 260, style, 'data-testid': testId }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | undefined>(undefined);
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;
  const latestOption = useRef(option);
  latestOption.current = option;

  useEffect(() => {
    const div = element.current;
    if (!div) return undefined;
    let instance: ECharts | undefined;
    let observer: ResizeObserver | undefined;
    let cancel: (() => void) | undefined;
    let unmounted = false;
    // Each chart is first drawn in a task of its own (about 50 ms each on a slow laptop).
    const draw = ({ init }: EchartsCore) => {
      if (unmounted) return;
      cancel = inOwnTask(() => {
        const drawn = init(div, undefined, { renderer: 'canvas' });
        instance = drawn;
        chart.current = drawn;
        drawn.on('click', (params) => {
          clickHandler.current?.({ seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex, name: params.name });
        });
        drawn.setOption({ textStyle: { fontFamily: chartFontFamily }, ...latestOption.current }, { notMerge: true });
        observer = new ResizeObserver(() => drawn.resize());
        observer.observe(div);
      });
    };
    void loadEcharts().then(draw, (error: unknown) => console.error('load charts', error));
    return () => {
      unmounted = true;
      cancel?.();
      observer?.disconnect();
      instance?.dispose();
      chart.current = undefined;
    };
  }, []);

  // A new option is drawn in a task of its own too, the latest one only when several came meanwhile.
  const redraw = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    if (!chart.current || redraw.current) return;
    redraw.current = inOwnTask(() => {
      redraw.current = undefined;
      chart.current?.setOption({ textStyle: { fontFamily: chartFontFamily }, ...latestOption.current }, { notMerge: true });
    });
  }, [option]);

  return <div ref={element} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined, ...style }} data-testid={testId} />;
}
