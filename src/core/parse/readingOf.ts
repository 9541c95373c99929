// What a reader found in a file, for `validate --files`: the same counts whichever reader it was.
import type { FormatId, Passage, Reading } from '../model.ts';

const UNNAMED = /^(?:unidentified|unknown) (?:speaker|voice)$/i;

/** Labels: distinct labels of people quoted or asking; turns: changes of speaker, in order. */
export function readingOf(reader: FormatId, passages: readonly Passage[], unspoken: readonly number[] = []): Reading {
  const labels = new Set(passages.filter((p) => p.speaker.label !== '' && (p.kind === 'quote' || p.kind === 'question' || p.speaker.role !== undefined)).map((p) => p.speaker.label));
  let turns = 0;
  let last: string | null = null;
  for (const p of passages) {
    if (p.speaker.name !== last) turns++;
    last = p.speaker.name;
  }
  const unattributed = passages.filter((p) => p.speaker.anonymous && UNNAMED.test(p.speaker.name)).length;
  return { reader, labels: labels.size, turns, unattributed, unspoken: [...unspoken] };
}
