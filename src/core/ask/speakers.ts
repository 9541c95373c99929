// speakers: who is in the archive, with how often they speak.
import type { QuestionIndex } from '../search/questionIndex.ts';
import { suggestSpeakers } from '../search/speakerDirectory.ts';
import { answered, type Outcome } from './answer.ts';
import { paginate } from './paginate.ts';

export function speakers(index: QuestionIndex, q: { filter?: string | undefined; page?: number; pageSize?: number }): Outcome {
  const filter = q.filter?.trim() ?? '';
  const all = filter ? suggestSpeakers(index, filter, Number.MAX_SAFE_INTEGER) : index.speakerDirectory();
  const page = paginate(all, q.page ?? 1, q.pageSize ?? 20);
  return answered({
    command: 'speakers',
    query: filter,
    verdict: null,
    items: [],
    speakers: page.items,
    total: all.length,
    page: page.page,
    pageCount: page.pageCount,
    nearest: [],
    notes: [],
    context: { command: 'speakers', query: filter, page: page.page },
  });
}
