// Charts drawn from real timelines: the PNG's size and dimensions, the SVG's bars one per period
// and series with the timeline's counts and heights in proportion, and the PNG's bars, found by
// their colours, as tall as the counts say. On the real briefings where present, else the seed.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHART_WIDTH, chartPng, chartSvg, colourOf, PNG_SCALE } from '../../src/app/chart/renderChart.ts';
import { chartText } from '../../src/app/chart/chartText.ts';
import type { Answer } from '../../src/core/ask/answer.ts';
import { runCommand } from '../../src/core/ask/commands.ts';
import type { CorpusIndex } from '../../src/core/search/CorpusIndex.ts';
import { briefingFiles, briefingsCorpusDir, BRIEFINGS_SKIP_REASON } from '../helpers/briefingsCorpus.ts';
import { decodePng, pngSize } from '../helpers/decodePng.ts';
import { everyNth, indexFiles, openTestCorpus } from '../helpers/indexFiles.ts';

const NOW = new Date('2026-11-27T12:00:00Z');
const dir = briefingsCorpusDir();

function timelineOf(index: CorpusIndex, topic: string): Answer {
  const out = runCommand(index, { command: 'timeline', args: { topic } }, NOW);
  if (!out.ok) throw new Error(out.problem.message);
  return out.answer;
}

interface Bar { period: string; series: string; count: number; height: number }

/** The bars of the SVG as vega labels them: period, series, count, and the drawn height. */
function barsOf(svg: string): Bar[] {
  return [...svg.matchAll(/<path aria-label="label: ([^;]+); passages: (\d+); series: ([^;]+); order: \d+" role="graphics-symbol" aria-roledescription="bar" d="M[-\d.e]+,[-\d.e]+h[-\d.e]+v([-\d.e]+)h/g)]
    .map((m) => ({ period: m[1]!, count: Number(m[2]), series: m[3]!, height: Number(m[4]) }));
}

/** Checks a chart of the answer against its counts, in the SVG and in the PNG. */
async function checkChart(a: Answer): Promise<void> {
  const chart = a.chart!;
  expect(chart.periods.length).toBeGreaterThan(0);
  const svg = await chartSvg(chart, chartText(a));
  const bars = barsOf(svg);
  expect(bars).toHaveLength(chart.periods.length * chart.series.length);
  const perPassage = bars.filter((b) => b.count > 0).map((b) => b.height / b.count);
  for (const b of bars) {
    const s = chart.series.find((x) => x.name === b.series)!;
    const period = chart.periods.findIndex((p) => p.label === b.period);
    expect(b.count, `${b.series} in ${b.period}`).toBe(s.counts[period]);
    // Every bar's height is its count at one scale.
    if (b.count > 0) expect(b.height / b.count).toBeCloseTo(perPassage[0]!, 6);
    else expect(b.height).toBe(0);
  }

  const png = await chartPng(chart, chartText(a));
  const { width, height } = pngSize(png);
  const svgWidth = Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
  const svgHeight = Number(/<svg[^>]* height="(\d+)"/.exec(svg)![1]);
  expect(width).toBe(Math.round(svgWidth * PNG_SCALE));
  expect(height).toBe(Math.round(svgHeight * PNG_SCALE));
  expect(width).toBeGreaterThanOrEqual(CHART_WIDTH);
  expect(png.length).toBeGreaterThan(8_000);
  expect(png.length).toBeLessThan(1_000_000);

  // In the picture: columns of bar colours, left to right, one run per period with mentions
  // (the legend's swatches come after them), each as tall as its total at one scale.
  const colours = chart.series.map((s, i) => hex(colourOf(s.name, i)));
  const pixels = decodePng(png);
  const barPixels = (x: number) => {
    let n = 0;
    for (let y = 0; y < pixels.height; y++) {
      const at = (y * pixels.width + x) * 4;
      if (colours.some((c) => near(pixels.rgba, at, c))) n++;
    }
    return n;
  };
  // Runs at least 3 px wide: bars are, the odd anti-aliased pixel of a letter is not.
  const runs: number[] = [];
  let run: number[] = [];
  for (let x = 0; x <= pixels.width; x++) {
    const h = x < pixels.width ? barPixels(x) : 0;
    if (h > 0) run.push(h);
    else {
      if (run.length >= 3) runs.push(Math.max(...run));
      run = [];
    }
  }
  const drawn = chart.periods.map((_, i) => ({
    total: chart.series.reduce((t, s) => t + s.counts[i]!, 0),
    segments: chart.series.filter((s) => s.counts[i]! > 0).length,
  })).filter((p) => p.total > 0);
  expect(runs.length).toBeGreaterThanOrEqual(drawn.length);
  const scale = perPassage[0]! * PNG_SCALE;
  // Each edge between two colours is a blended row of neither: a pixel per segment, and two more.
  drawn.forEach(({ total, segments }, i) => expect(Math.abs(runs[i]! - total * scale), `bar ${i}: ${runs[i]} px for ${total} passages`).toBeLessThanOrEqual(2 + segments));
}

function hex(c: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number];
}

function near(rgba: Uint8Array, at: number, [r, g, b]: readonly number[]): boolean {
  // Bars are flat fills, so their inner pixels are the colour itself; anti-aliased text is not.
  return Math.abs(rgba[at]! - r!) + Math.abs(rgba[at + 1]! - g!) + Math.abs(rgba[at + 2]! - b!) <= 3;
}

describe('timeline charts from the seed transcript', () => {
  it('a one-day timeline draws one bar per series with the counts', async () => {
    const corpus = await openTestCorpus(path.resolve(import.meta.dirname, '../../corpus'));
    const a = timelineOf(corpus.index, 'Kim Jong-un');
    expect(a.chart!.unit).toBe('day');
    await checkChart(a);
  });
});

describe.skipIf(!dir)(dir ? 'timeline charts from the real briefings' : `timeline charts from the real briefings (${BRIEFINGS_SKIP_REASON})`, () => {
  let index: CorpusIndex;
  beforeAll(async () => {
    // Every 8th file: some 550 briefings and speeches from every year.
    index = await indexFiles(dir!, everyNth(briefingFiles(dir!), 8));
  }, 180_000);

  it.each(['student loans', 'inflation', 'Ukraine', 'hurricane'])('"%s": bars match the counts, in the SVG and the PNG', async (topic) => {
    const a = timelineOf(index, topic);
    expect(a.total).toBeGreaterThan(3);
    expect(a.chart!.series.length).toBeGreaterThan(1);
    expect(a.chart!.peaks.length).toBeGreaterThan(0);
    await checkChart(a);
  });
});
