// context: the passages around one, in reading order, so a quote can be read as it aired.
import type { QuestionIndex } from '../search/questionIndex.ts';
import { answered, problem, type Outcome } from './answer.ts';
import { itemFor } from './buildAnswer.ts';

export interface ContextQuery {
  id: string;
  /** Passages shown before and after the one asked about. */
  around?: number;
}

export function context(index: QuestionIndex, q: ContextQuery): Outcome {
  const id = q.id.trim();
  if (!id) return problem('empty_query', 'Give a passage id, as shown under each answer (e.g. 1mmnv060xghe2o-31).');
  const p = index.passage(id);
  const entry = p ? index.file(p.source.file) : undefined;
  if (!p || !entry) return problem('unknown_passage', `No passage has the id "${id}"; it may come from a file that changed since.`);
  const around = q.around ?? 3;
  const at = entry.passageIds.indexOf(id);
  const ids = entry.passageIds.slice(Math.max(0, at - around), at + around + 1);
  const items = ids.flatMap((x) => {
    const found = index.passage(x);
    return found ? [itemFor(found)] : [];
  });
  return answered({
    command: 'context',
    query: id,
    verdict: null,
    items,
    total: items.length,
    page: 1,
    pageCount: 1,
    nearest: [],
    notes: [],
    context: { command: 'context', query: id, page: 1, focusId: id, speaker: p.speaker.name },
  });
}

/** "When was that?": the one passage, with both its dates spelled out. */
export function when(index: QuestionIndex, id: string): Outcome {
  const p = index.passage(id);
  if (!p) return problem('unknown_passage', `No passage has the id "${id}".`);
  const { aired, spoken, note } = p.source;
  const notes = [
    spoken && spoken !== aired ? `Spoken ${spoken}${note ? ` (${note})` : ''}; aired ${aired ?? 'on an unknown date'}.` : aired ? `Aired ${aired}.` : 'The transcript carries no date.',
  ];
  return answered({
    command: 'when',
    query: id,
    verdict: null,
    items: [itemFor(p)],
    total: 1,
    page: 1,
    pageCount: 1,
    nearest: [],
    notes,
    context: { command: 'when', query: id, page: 1, focusId: id, speaker: p.speaker.name },
  });
}
