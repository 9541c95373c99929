import { describe, expect, it } from 'vitest';
import type { Passage, Transcript } from '../../../src/core/model.ts';
import { passageId } from '../../../src/core/parse/passageId.ts';
import { CorpusIndex } from '../../../src/core/search/CorpusIndex.ts';

function transcript(file: string, texts: string[], id = (line: number) => passageId(file, line)): Transcript {
  const passages: Passage[] = texts.map((text, i) => ({
    id: id(i + 1),
    speaker: { label: 'Jane Roe', name: 'Jane Roe', title: null, anonymous: false },
    kind: 'quote',
    text,
    source: { file, line: i + 1, format: 'broadcast-speaker-line', program: null, headline: null, section: null, aired: '2025-01-01', spoken: null, note: null, url: null },
  }));
  return { file, format: 'broadcast-speaker-line', meta: { aired: '2025-01-01', program: null, headline: null, url: null }, passages, issues: [] };
}

describe('CorpusIndex', () => {
  it('counts in how many passages each word stands, and forgets a removed file entirely', () => {
    const index = new CorpusIndex();
    index.addTranscript(transcript('a.txt', ['Tariffs rise again', 'tariffs and tariffs']));
    index.addTranscript(transcript('b.txt', ['No tariffs here, only rice']));
    expect(index.docFrequency('tariffs')).toBe(3);
    expect(index.findTerms(['rice']).map((h) => index.passage(h.id)!.source.file)).toEqual(['b.txt']);
    expect(index.removeFile('b.txt')).toBe(true);
    expect(index.docFrequency('tariffs')).toBe(2);
    expect(index.docFrequency('rice')).toBe(0);
    expect(index.findTerms(['rice'])).toEqual([]);
    expect(index.passageCount).toBe(2);
  });

  it('replaces a file that is added again instead of doubling it', () => {
    const index = new CorpusIndex();
    index.addTranscript(transcript('a.txt', ['first version']));
    index.addTranscript(transcript('a.txt', ['second version', 'and more']));
    expect(index.fileCount).toBe(1);
    expect([...index.passages()].map((p) => p.text)).toEqual(['second version', 'and more']);
    expect(index.docFrequency('first')).toBe(0);
  });

  it('gives different files different ids, even thousands of similar names', () => {
    const ids = new Set(Array.from({ length: 20_000 }, (_, i) => passageId(`kbs/2025/kbs_2025_${i}.txt`, 1)));
    expect(ids.size).toBe(20_000);
  });

  it('reports a clashing passage id instead of dropping the passage silently', () => {
    const index = new CorpusIndex();
    index.addTranscript(transcript('a.txt', ['the original words']));
    index.addTranscript(transcript('b.txt', ['other words entirely'], () => passageId('a.txt', 1)));
    expect(index.passageCount).toBe(1);
    expect(index.file('b.txt')!.issues).toEqual([
      expect.objectContaining({ file: 'b.txt', line: 1, severity: 'warning', message: expect.stringContaining('same id') }),
    ]);
  });
});
