// Small invented corpora for timeline rules: each file a story of passages with a speaker and
// kind, plus filler files so that the words under test are rare, as topic words are.
import type { Passage, PassageKind, Transcript } from '../../src/core/model.ts';
import { passageId } from '../../src/core/parse/passageId.ts';
import { CorpusIndex } from '../../src/core/search/CorpusIndex.ts';

export interface StoryFile {
  file: string;
  aired?: string | null;
  program?: string | null;
  headline?: string | null;
  /** `Name: words` is a quote by Name, `> words` narration, `~Name: words` reported speech. */
  lines: string[];
}

export function storyTranscript(f: StoryFile): Transcript {
  const aired = f.aired === undefined ? '2025-03-01' : f.aired;
  const passages: Passage[] = f.lines.map((line, i) => {
    const narration = line.startsWith('> ');
    const reported = line.startsWith('~');
    const m = /^~?([^:>]+):\s(.*)$/.exec(line);
    const name = narration || !m ? 'Anchor' : m[1]!.trim();
    const text = narration ? line.slice(2) : m ? m[2]! : line;
    const kind: PassageKind = narration ? 'narration' : reported ? 'reported' : 'quote';
    return {
      id: passageId(f.file, i + 1),
      speaker: { label: name, name, title: name === 'Karoline Leavitt' ? 'White House Press Secretary' : null, anonymous: false },
      kind,
      text,
      source: { file: f.file, line: i + 1, format: 'broadcast-speaker-line', program: f.program ?? 'News', headline: f.headline ?? null, section: null, aired, spoken: null, note: null, url: null },
    };
  });
  return { file: f.file, format: 'broadcast-speaker-line', meta: { aired, program: f.program ?? 'News', headline: f.headline ?? null, url: null }, passages, issues: [] };
}

const FILLER = ['weather warm and dry across the region today', 'the council met to discuss the library budget', 'traffic was slow on the bridge this morning', 'schools reopen next week after the holiday', 'the market closed higher on strong earnings'];

/** The files, and `fillers` more of everyday news, so that a word in one story is rare. */
export function storyIndex(files: readonly StoryFile[], fillers = 40): CorpusIndex {
  const index = new CorpusIndex();
  for (let i = 0; i < fillers; i++) {
    index.addTranscript(storyTranscript({ file: `filler/${String(i).padStart(3, '0')}.txt`, aired: '2024-01-01', lines: FILLER.map((t) => `> ${t} ${i}`) }));
  }
  for (const f of files) index.addTranscript(storyTranscript(f));
  return index;
}

/** Sentences of filler words that name no topic, to put distance between words. */
export function padding(words: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < words; i++) out.push(...FILLER[i % FILLER.length]!.split(' '));
  return out.slice(0, words).join(' ');
}
