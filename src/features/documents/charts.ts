// Server-side Apache ECharts: the same chart option renders to an SVG string for pages (shown
// without JavaScript, readable by screen readers through the title/description we add) and for
// documents (embedded in PDF as SVG, in DOCX as SVG with a PNG fallback rendered by the caller).
import * as echarts from 'echarts';

export type ChartOption = echarts.EChartsOption;

export interface ChartSize {
  width: number;
  height: number;
}

/** Renders an ECharts option to a standalone SVG string (no animation, fixed size). */
export function renderChartSvg(
  option: ChartOption,
  size: ChartSize = { width: 720, height: 360 },
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'DejaVu Sans, Arial, sans-serif' },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
