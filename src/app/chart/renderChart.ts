// A timeline's chart as a picture: the core's MentionChart drawn as a Vega-Lite stacked bar chart,
// compiled to SVG in-process by vega (no browser, no canvas), and rasterised to PNG by resvg
// (Rust, shipped inside its registry package) with a font shipped in a registry package, so the
// picture is the same on every machine. It is drawn on its own light card, so it reads the same
// in Discord's dark and light themes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { MentionChart } from '../../core/ask/answer.ts';

/** Pixels of the SVG; the PNG is drawn at `PNG_SCALE` times this, sharp on high-density screens. */
export const CHART_WIDTH = 760;
export const CHART_HEIGHT = 300;
export const PNG_SCALE = 1.25;

const FONT = 'DejaVu Sans';
/** Main speakers first, then others and narration, in colours that tell apart on a light card. */
const PALETTE = ['#2f6db3', '#e07b28', '#2e9a5b', '#8a4fb8'];
const OTHERS_COLOUR = '#7d8590';
const NARRATION_COLOUR = '#c3cad3';
const CARD = '#fbfbfc';
const INK = '#1f2328';
const MUTED = '#59636e';

export interface ChartText {
  /** "Mentions of “tariffs”" */
  title: string;
  /** "42 passages in 12 stories · per month" */
  subtitle?: string;
}

/** The chart as SVG text, fonts named but not embedded. */
export async function chartSvg(chart: MentionChart, text: ChartText): Promise<string> {
  const spec = compile(chartSpec(chart, text)).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as a PNG, drawn with the shipped font only (no system fonts). */
export async function chartPng(chart: MentionChart, text: ChartText): Promise<Buffer> {
  const svg = await chartSvg(chart, text);
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: FONT, sansSerifFamily: FONT },
    background: CARD,
  }).render().asPng();
  return Buffer.from(png);
}

let fonts: string[] | null = null;

/** DejaVu Sans and its bold, from the dejavu-fonts-ttf package. */
function fontFiles(): string[] {
  if (fonts) return fonts;
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  fonts = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => path.join(dir, f));
  // Fail here, with the path, rather than draw a chart with no text.
  for (const f of fonts) readFileSync(f, { flag: 'r' }).subarray(0, 4);
  return fonts;
}

export function colourOf(name: string, index: number): string {
  if (name === 'Others') return OTHERS_COLOUR;
  if (name === 'Narration') return NARRATION_COLOUR;
  return PALETTE[index % PALETTE.length]!;
}

/** The Vega-Lite spec: stacked bars per period and series, peak labels above their bars. */
export function chartSpec(chart: MentionChart, text: ChartText): TopLevelSpec {
  const rows = chart.series.flatMap((s, si) => s.counts.map((count, pi) => ({ period: pi, label: chart.periods[pi]!.label, series: s.name, order: si, count })));
  const totals = chart.periods.map((_, pi) => chart.series.reduce((a, s) => a + s.counts[pi]!, 0));
  const peaks = chart.peaks.map((p, i) => ({ label: chart.periods[p.period]!.label, total: totals[p.period]!, mark: String(i + 1) }));
  const peakLines = chart.peaks.map((p, i) => `${i + 1}  ${chart.periods[p.period]!.label}: ${p.label}`);
  // Room above the tallest bar for its label.
  const top = Math.max(1, ...totals) * 1.18;
  const names = chart.series.map((s) => s.name);
  const periodLabels = chart.periods.map((p) => p.label);
  const x = { field: 'label', type: 'ordinal', sort: periodLabels, title: null } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH - 120,
    height: CHART_HEIGHT - 110 - 15 * peakLines.length,
    background: CARD,
    padding: { left: 16, right: 16, top: 12, bottom: 12 },
    title: { text: text.title, subtitle: [text.subtitle ?? '', ...peakLines], subtitlePadding: 4, subtitleLineHeight: 15, anchor: 'start', color: INK, subtitleColor: MUTED, fontSize: 15, subtitleFontSize: 11, font: FONT, subtitleFont: FONT },
    config: {
      font: FONT,
      view: { stroke: null },
      axis: { labelFont: FONT, titleFont: FONT, labelColor: MUTED, titleColor: MUTED, domainColor: '#d0d7de', tickColor: '#d0d7de', gridColor: '#eaeef2', labelFontSize: 10 },
      legend: { labelFont: FONT, titleFont: FONT, labelColor: INK, labelFontSize: 11, symbolType: 'square', orient: 'right' },
    },
    layer: [
      {
        data: { values: rows },
        mark: { type: 'bar', width: { band: 0.8 } },
        encoding: {
          x: { ...x, axis: { labelAngle: 0, labelOverlap: 'parity', labelPadding: 4 } },
          y: { field: 'count', type: 'quantitative', aggregate: 'sum', title: 'passages', scale: { domain: [0, top], nice: false }, axis: { tickMinStep: 1, format: 'd' } },
          color: { field: 'series', type: 'nominal', sort: names, title: null, scale: { domain: names, range: names.map((n, i) => colourOf(n, i)) } },
          order: { field: 'order', type: 'quantitative', sort: 'descending' },
        },
      },
      // Each peak numbered above its bar; the number's story is named under the title.
      {
        data: { values: peaks },
        mark: { type: 'text', dy: -8, fontSize: 11, fontWeight: 'bold', color: INK, font: FONT },
        encoding: { x, y: { field: 'total', type: 'quantitative' }, text: { field: 'mark' } },
      },
    ],
  };
}
