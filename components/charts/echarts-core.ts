/**
 * The parts of ECharts the portal draws with, registered once: imported dynamically by the chart component, so a
 * page without a chart never downloads ECharts, and a page with one downloads only these parts (not the full
 * `echarts` bundle).
 */
import { BarChart, BoxplotChart, LineChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  BoxplotChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export const init = echarts.init;
