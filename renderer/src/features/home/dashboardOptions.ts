// The dashboard's chart options, built from its aggregates and the texts of the person's language.
import type { ChartOption } from '../../components/charts/EChart';

export interface BarSeries {
  name: string;
  values: number[];
  color?: string;
}

const axisLabel = { interval: 0, hideOverlap: true } as const;

export interface BarAxis {
  valueFormatter?: (value: number) => string;
  /** The value axis's top, e.g. 5 for stars. */
  max?: number;
}

/** Bars over categories; several series stand side by side. */
export function barOption(categories: string[], series: BarSeries[], { valueFormatter, max }: BarAxis = {}): ChartOption {
  return {
    // Redrawn on each synced batch: animating every redraw would only cost the device time.
    animation: false,
    grid: { left: 8, right: 8, top: series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', ...(valueFormatter ? { valueFormatter: (value) => valueFormatter(Number(value)) } : {}) },
    ...(series.length > 1 ? { legend: { top: 0 } } : {}),
    xAxis: { type: 'category', data: categories, axisLabel },
    yAxis: { type: 'value', minInterval: 1, ...(max === undefined ? {} : { max }) },
    series: series.map((entry) => ({ type: 'bar', name: entry.name, data: entry.values, ...(entry.color ? { itemStyle: { color: entry.color } } : {}) })),
  };
}

/** Bars per month with a line on a second axis (e.g. reported per month and the running total). */
export function barLineOption(months: string[], bar: BarSeries, line: BarSeries): ChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: months, axisLabel },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: bar.name, data: bar.values },
      { type: 'line', name: line.name, data: line.values, yAxisIndex: 1, smooth: true },
    ],
  };
}
