// ECharts option → SVG (server-side rendering, no browser) → PNG for the Word file. The same option objects the web
// app can draw (src/domain/reports/charts.ts). The SVG is rasterised by Skia (@napi-rs/canvas): resvg was tried
// first and took ~3.5 s per chart, because it re-parses the 19 MB CJK font for every text run; Skia loads the font
// once per process and draws a chart in ~0.1–0.2 s.
import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts, Image, type Canvas } from '@napi-rs/canvas';
import * as echarts from 'echarts';
import { CHART_FONT_FAMILY, type ChartSpec } from '../domain/reports/charts.ts';
import type { ChartImage } from './docx-writer.ts';

// Debian's fonts-noto-cjk puts the font here; Skia also finds it through fontconfig, registering it by name makes
// the family in the chart options resolve the same way everywhere.
const FONT_CANDIDATES = [
  process.env.KECHUANG_CHART_FONT,
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
];

let fontsReady = false;

/** Registers the CJK chart font once per thread (the render workers do it before saying they are ready). */
export function ensureChartFont(): void {
  if (fontsReady) return;
  fontsReady = true;
  const file = FONT_CANDIDATES.find((f): f is string => typeof f === 'string' && f !== '' && existsSync(f));
  if (file) GlobalFonts.registerFromPath(file, CHART_FONT_FAMILY);
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

/** Pixels per drawing pixel: 720 px drawn at 1.75× prints sharp at 156 mm (about 200 dpi). */
const ZOOM = 1.75;

/** The chart drawn on a white canvas at ZOOM, ready to encode. */
function drawChart(spec: ChartSpec): Canvas {
  ensureChartFont();
  const image = new Image();
  image.src = Buffer.from(chartToSvg(spec));
  const canvas = createCanvas(spec.width * ZOOM, spec.height * ZOOM);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}

export function renderChart(spec: ChartSpec): ChartImage {
  return { png: new Uint8Array(drawChart(spec).toBuffer('image/png')), width: spec.width, height: spec.height };
}

/**
 * Every chart of a report. PNG encoding is two thirds of a chart's cost, so it runs on libuv's thread pool
 * (`encode`, not `toBuffer`): the charts encode side by side and this thread goes on meanwhile.
 */
export async function renderCharts(specs: readonly ChartSpec[]): Promise<Map<string, ChartImage>> {
  const encoded = await Promise.all(
    specs.map(async (spec) => {
      const png = await drawChart(spec).encode('png');
      return [spec.id, { png: new Uint8Array(png), width: spec.width, height: spec.height }] as const;
    }),
  );
  return new Map(encoded);
}
