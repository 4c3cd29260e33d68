// ECharts with only the charts and components the app uses registered, loaded on demand: it is a
// large library that only the dashboard draws with, so it stays out of the script every page and
// the lock screen wait for (EChart.tsx imports this module dynamically).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export const { init } = echarts;
