// How a remembered fragment differs from the passage it matched, in the journalist's words and
// the transcript's: what a close match shows under the quote.
import type { Passage } from '../model.ts';
import { wordsOf, type WordSpan } from '../search/words.ts';
import type { Alignment, CharSpan, Edit } from './alignFragment.ts';
import type { Difference } from './answer.ts';

/** A fragment lined up with one passage. */
export interface Aligned {
  fragment: string;
  fragmentSpans: readonly WordSpan[];
  passage: Passage;
  alignment: Alignment;
}

/** The alignment's edits in words: what the journalist wrote against what the transcript has. */
export function differencesOf(s: Aligned): Difference[] {
  const wrote = (from: number, to: number) => s.fragment.slice(s.fragmentSpans[from]!.start, s.fragmentSpans[to]!.end);
  const said = (from: CharSpan, to: CharSpan) => s.passage.text.slice(from.start, to.end);
  // Words added or left out in a row read better as one phrase: “the progress”, not “the”; “progress”.
  const adjacent = (a: Edit, b: Edit) =>
    a.kind === 'added' ? b.fragment === a.fragment! + 1 : /^[\s\p{P}]*$/u.test(s.passage.text.slice(a.passage!.end, b.passage!.start));
  const edits = s.alignment.edits;
  const out: Difference[] = [];
  for (let k = 0; k < edits.length; k++) {
    const e = edits[k]!;
    if (e.kind === 'added' || e.kind === 'dropped') {
      let end = k;
      while (end + 1 < edits.length && edits[end + 1]!.kind === e.kind && adjacent(edits[end]!, edits[end + 1]!)) end++;
      const last = edits[end]!;
      out.push(e.kind === 'added'
        ? { kind: 'added', remembered: wrote(e.fragment!, last.fragment!), said: null }
        : { kind: 'dropped', remembered: null, said: said(e.passage!, last.passage!) });
      k = end;
    } else {
      out.push({ kind: e.kind, remembered: wrote(e.fragment!, e.fragmentTo ?? e.fragment! + (e.kind === 'swapped' ? 1 : 0)), said: said(e.passage!, e.passage!) });
    }
  }
  return pairMoves(out);
}

/** The same words left out in one place and added in another were moved, not changed. */
function pairMoves(diffs: Difference[]): Difference[] {
  const key = (t: string | null) => wordsOf(t ?? '').join(' ');
  const out = [...diffs];
  for (let a = 0; a < out.length; a++) {
    const d = out[a]!;
    if (d.kind !== 'dropped') continue;
    const b = out.findIndex((x) => x.kind === 'added' && key(x.remembered) === key(d.said));
    if (b < 0) continue;
    out[a] = { kind: 'moved', remembered: out[b]!.remembered, said: d.said };
    out.splice(b, 1);
    if (b < a) a--;
  }
  return out;
}
