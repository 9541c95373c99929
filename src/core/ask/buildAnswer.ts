// The parts of an Answer every list-shaped question fills in the same way.
import type { Passage } from '../model.ts';
import type { Answer, AnswerContext, AnswerItem, CommandName } from './answer.ts';
import { effectiveDate } from './dates.ts';
import { paginate } from './paginate.ts';

export function itemFor(passage: Passage): AnswerItem {
  return { passage, date: effectiveDate(passage) };
}

export interface ListAnswer {
  command: CommandName;
  query: string;
  items: readonly AnswerItem[];
  page: number;
  pageSize: number;
  context: Omit<AnswerContext, 'page' | 'command' | 'query'>;
  notes?: string[];
}

export function listAnswer(a: ListAnswer): Answer {
  const page = paginate(a.items, a.page, a.pageSize);
  return {
    command: a.command,
    query: a.query,
    verdict: null,
    items: page.items,
    total: a.items.length,
    page: page.page,
    pageCount: page.pageCount,
    nearest: [],
    notes: a.notes ?? [],
    // The first item shown is what "when was that?" or "show the full context" is about.
    context: { command: a.command, query: a.query, ...focusOf(page.items[0]), ...a.context, page: page.page },
  };
}

/** Fields of the context worth carrying only when set. */
export function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

function focusOf(item: AnswerItem | undefined): Pick<AnswerContext, 'focusId' | 'focusDate'> {
  if (!item) return {};
  return { focusId: item.passage.id, ...(item.date ? { focusDate: item.date } : {}) };
}
