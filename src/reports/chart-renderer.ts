// ECharts option → SVG (server-side rendering, no browser) → PNG (resvg) for the Word file. The same option objects
// the web app can draw (src/domain/reports/charts.ts).
import { existsSync } from 'node:fs';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { CHART_FONT_FAMILY, type ChartSpec } from '../domain/reports/charts.ts';
import type { ChartImage } from './docx-writer.ts';

// Loading every system font costs resvg about half a second per picture (it scans LibreOffice's fonts too); one
// CJK file is enough and far cheaper. Debian's fonts-noto-cjk puts it here; elsewhere fall back to the system scan.
const FONT_CANDIDATES = [
  process.env.KECHUANG_CHART_FONT,
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
];

let fontOptions: ResvgRenderOptions['font'] | undefined;

function chartFonts(): ResvgRenderOptions['font'] {
  if (fontOptions) return fontOptions;
  const file = FONT_CANDIDATES.find((f): f is string => typeof f === 'string' && f !== '' && existsSync(f));
  fontOptions = file
    ? { loadSystemFonts: false, fontFiles: [file], defaultFontFamily: CHART_FONT_FAMILY }
    : { loadSystemFonts: true, defaultFontFamily: CHART_FONT_FAMILY };
  return fontOptions;
}

/** The chart as an SVG string (ECharts SSR). */
export function chartToSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Pixels per drawing pixel: 720 px drawn at 2× prints sharp at 156 mm (about 235 dpi). */
const ZOOM = 2;

export async function renderChart(spec: ChartSpec): Promise<ChartImage> {
  const svg = chartToSvg(spec);
  // renderAsync runs on libuv's thread pool, so the two charts of a report (and the reports of a batch) draw in
  // parallel while the main thread builds the document.
  const image = await renderAsync(svg, { font: chartFonts(), fitTo: { mode: 'zoom', value: ZOOM }, background: '#ffffff' });
  return { png: new Uint8Array(image.asPng()), width: spec.width, height: spec.height };
}

export async function renderCharts(specs: readonly ChartSpec[]): Promise<Map<string, ChartImage>> {
  const images = await Promise.all(specs.map(async (spec) => [spec.id, await renderChart(spec)] as const));
  return new Map(images);
}
