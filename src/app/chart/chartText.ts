// The words around a timeline's chart, the same in Discord and the terminal.
import type { Answer } from '../../core/ask/answer.ts';
import type { ChartText } from './renderChart.ts';

export function chartText(a: Answer): ChartText {
  const c = a.chart;
  const stories = `${a.total} stor${a.total === 1 ? 'y' : 'ies'}`;
  const passages = c ? `${c.total - c.undated} dated passage${c.total - c.undated === 1 ? '' : 's'}` : '';
  return {
    title: `Mentions of “${a.query}”`,
    subtitle: [passages, stories, c ? `per ${c.unit}` : '', c?.undated ? `${c.undated} undated not shown` : ''].filter(Boolean).join(' · '),
  };
}
