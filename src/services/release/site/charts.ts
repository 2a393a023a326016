import { createRequire } from 'node:module';

// ECharts takes seconds to load; only commands that draw charts (cutting a release) should pay for it.
const load = createRequire(import.meta.url);
let echartsModule: typeof import('echarts') | undefined;
function echartsLib(): typeof import('echarts') {
  echartsModule ??= load('echarts') as typeof import('echarts');
  return echartsModule;
}
import { esc } from './html.js';

export interface BarChartSpec {
  /** Accessible label of the figure. */
  label: string;
  categories: readonly string[];
  values: readonly number[];
  width: number;
  height: number;
  horizontal?: boolean;
  color?: string;
}

/**
 * Makes ECharts' SSR SVG deterministic and CSP-clean: drops the hover <style> block and its
 * per-process class names, the ecmeta_* attributes, and turns style="" into SVG attributes.
 */
export function cleanSvg(svg: string): string {
  return svg
    .replace(/<style\b[\s\S]*?<\/style>\s*/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ style="([^"]*)"/g, (_m, css: string) =>
      css
        .split(';')
        .map((decl) => decl.split(':'))
        .filter((kv): kv is [string, string] => kv.length === 2 && /^[a-z-]+$/.test(kv[0]?.trim() ?? ''))
        .map(([k, v]) => ` ${k.trim()}="${esc(v.trim())}"`)
        .join(''),
    )
    .replace(/\n/g, '');
}

/** A bar chart rendered on the server as inline SVG (ECharts SSR, no animation, no script). */
export function barChartSvg(spec: BarChartSpec): string {
  const chart = echartsLib().init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    const category = { type: 'category' as const, data: [...spec.categories], axisTick: { show: false } };
    const value = { type: 'value' as const, minInterval: 1 };
    chart.setOption({
      animation: false,
      grid: { left: spec.horizontal ? 150 : 48, right: 16, top: 12, bottom: 28 },
      xAxis: spec.horizontal ? value : category,
      yAxis: spec.horizontal ? { ...category, inverse: true } : value,
      series: [{ type: 'bar', data: [...spec.values], itemStyle: { color: spec.color ?? '#8a1c1c' }, barCategoryGap: spec.horizontal ? '30%' : '10%' }],
    });
    const svg = cleanSvg(chart.renderToSVGString());
    return svg.replace('<svg ', `<svg role="img" aria-label="${esc(spec.label)}" `);
  } finally {
    chart.dispose();
  }
}
