import { describe, expect, it } from 'vitest';
import type { Passage, Transcript } from '../../../src/core/model.ts';
import { passageId } from '../../../src/core/parse/passageId.ts';
import { inDateRange } from '../../../src/core/ask/dates.ts';
import { CorpusIndex, SnapshotMismatchError } from '../../../src/core/search/CorpusIndex.ts';

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

  it('compacts what removed files leave: a file saved again 300 times leaves the index as a fresh one would be', () => {
    const index = new CorpusIndex();
    index.addTranscript(transcript('a.txt', ['The harbour bridge opens on Thursday', 'Tolls stay the same this year', 'The ferry runs late']));
    const version = (i: number) => transcript('b.txt', [`Minute ${i}: the harbour is quiet`, `Cranes moved ${i % 7} containers, word${i}`]);
    for (let i = 0; i < 300; i++) index.addTranscript(version(i));
    const fresh = new CorpusIndex();
    fresh.addTranscript(transcript('a.txt', ['The harbour bridge opens on Thursday', 'Tolls stay the same this year', 'The ferry runs late']));
    fresh.addTranscript(version(299));
    // Dead slots are at most a quarter of all, however many times the file was saved.
    expect(index.slotCount).toBeLessThanOrEqual(Math.ceil(index.passageCount / 0.75) + 2);
    expect(index.toSnapshot()).toEqual(fresh.toSnapshot());
    expect(index.similarWords('word29', 1)).toEqual(fresh.similarWords('word29', 1));
    expect(index.findTerms(['harbour', 'cranes'], { prefix: true }).map((h) => h.id)).toEqual(fresh.findTerms(['harbour', 'cranes'], { prefix: true }).map((h) => h.id));
    const seeds = [{ term: 'harbour', weight: 1 }, { term: 'cranes', weight: 2 }];
    expect(index.passagesWithWords(seeds, 10).map((w) => w.passage.id)).toEqual(fresh.passagesWithWords(seeds, 10).map((w) => w.passage.id));
    expect(index.docFrequency('harbour')).toBe(2);
    expect(index.passage(passageId('b.txt', 1))?.text).toBe('Minute 299: the harbour is quiet');
  });

  it('compacts an index restored from a snapshot, whose lists are views on the loaded bytes', () => {
    const a = transcript('a.txt', ['The harbour bridge opens on Thursday', 'Tolls stay the same this year']);
    const version = (i: number) => transcript('b.txt', [`Minute ${i}: the harbour is quiet`, `Cranes moved word${i}`]);
    const first = new CorpusIndex();
    first.addTranscript(a);
    first.addTranscript(version(0));
    const index = CorpusIndex.fromSnapshot(first.toSnapshot());
    for (let i = 1; i < 40; i++) index.addTranscript(version(i));
    const fresh = new CorpusIndex();
    fresh.addTranscript(a);
    fresh.addTranscript(version(39));
    expect(index.toSnapshot()).toEqual(fresh.toSnapshot());
    expect(first.toSnapshot().files.map((f) => f.entry.passageIds)).toEqual([a.passages.map((p) => p.id), version(0).passages.map((p) => p.id)]);
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

describe('CorpusIndex posting lists', () => {
  const texts = ['tariffs on steel rise', 'rice farmers protest tariffs', 'the harbour ferry is late', 'tariff talks stall', 'farmers and ferries'];

  /** What a question sees of an index: candidates by word, scored search, topics, counts. */
  function answers(index: CorpusIndex) {
    const ids = (ps: Array<{ passage: Passage }>) => ps.map((w) => w.passage.text);
    return {
      count: index.passageCount,
      tariffs: ids(index.passagesWithWords([{ term: 'tariffs', weight: 1 }, { term: 'farmers', weight: 2 }], 10)),
      scored: index.findTerms(['tarifs', 'ferry'], { fuzzy: 0.25, prefix: true }).map((h) => index.passage(h.id)!.text),
      topic: ids(index.weighTopic([{ term: 'tariff', weight: 1, prefix: true }], 0.5)),
      df: ['tariffs', 'farmers', 'ferry', 'steel'].map((w) => index.docFrequency(w)),
    };
  }

  it('answers the same after files are replaced and removed as an index built from what is left', () => {
    const changed = new CorpusIndex();
    texts.forEach((t, i) => changed.addTranscript(transcript(`f${i}.txt`, [t])));
    changed.addTranscript(transcript('f1.txt', ['rice farmers cheer tariffs']));
    changed.removeFile('f2.txt');
    changed.removeFile('f3.txt'); // past a quarter of the slots dead: the lists are swept
    const fresh = new CorpusIndex();
    for (const [i, t] of [[0, texts[0]], [4, texts[4]], [1, 'rice farmers cheer tariffs']] as const) fresh.addTranscript(transcript(`f${i}.txt`, [t!]));
    expect(answers(changed)).toEqual(answers(fresh));
    expect(answers(changed).tariffs).toEqual(['rice farmers cheer tariffs', 'farmers and ferries', 'tariffs on steel rise']);
  });

  it('restores from its snapshot with the same answers, dead slots left out', () => {
    const index = new CorpusIndex();
    texts.forEach((t, i) => index.addTranscript(transcript(`f${i}.txt`, [t])));
    index.removeFile('f0.txt');
    const restored = CorpusIndex.fromSnapshot(index.toSnapshot());
    expect(answers(restored)).toEqual(answers(index));
    expect(restored.toSnapshot().postings.fields.text.lengths.length).toBe(4);
    // And it keeps growing after the restore.
    restored.addTranscript(transcript('g.txt', ['steel tariffs again']));
    expect(restored.docFrequency('tariffs')).toBe(2);
    expect(restored.passagesWithWords([{ term: 'steel', weight: 1 }], 5).map((w) => w.passage.text)).toEqual(['steel tariffs again']);
  });

  it('refuses a snapshot whose lists do not fit its passages', () => {
    const index = new CorpusIndex();
    texts.forEach((t, i) => index.addTranscript(transcript(`f${i}.txt`, [t])));
    const snap = index.toSnapshot();
    const outOfRange = structuredClone(snap);
    outOfRange.postings.fields.text.slots[0] = 99;
    expect(() => CorpusIndex.fromSnapshot(outOfRange)).toThrow(SnapshotMismatchError);
    const fewerPassages = { ...snap, files: snap.files.slice(1) };
    expect(() => CorpusIndex.fromSnapshot(fewerPassages)).toThrow(/word index does not fit/);
    const twice = structuredClone(snap);
    twice.files[1]!.passages[0]!.id = twice.files[0]!.passages[0]!.id;
    twice.files[1]!.entry.passageIds[0] = twice.files[0]!.passages[0]!.id;
    expect(() => CorpusIndex.fromSnapshot(twice)).toThrow(/twice/);
  });

  it('rates passages by how densely they use the words, and those without them at 0', () => {
    const index = new CorpusIndex();
    index.addTranscript(transcript('g.txt', ['go ahead go ahead go ahead', 'go ahead and ask the next question about the ferry', 'no such words']));
    const ps = [...index.passages()];
    const d = index.densities(ps, [{ term: 'go', weight: 1 }, { term: 'ahead', weight: 1 }]);
    expect(d[0]).toBeGreaterThan(d[1]!);
    expect(d[1]).toBeGreaterThan(0);
    expect(d[2]).toBe(0);
  });

  it('finds misspelled words through the radix tree, and longer words by prefix', () => {
    const index = new CorpusIndex();
    texts.forEach((t, i) => index.addTranscript(transcript(`f${i}.txt`, [t])));
    const found = (terms: string[], o: Parameters<CorpusIndex['findTerms']>[1]) => index.findTerms(terms, o).map((h) => index.passage(h.id)!.text);
    // The shorter passage first: BM25 weighs a word more in fewer words.
    expect(found(['farmrs'], { fuzzy: 0.25 })).toEqual(['farmers and ferries', 'rice farmers protest tariffs']);
    expect(found(['farmrs'], {})).toEqual([]);
    expect(found(['tariff'], { prefix: true })[0]).toBe('tariff talks stall'); // the word itself outranks longer ones
    expect(found(['tariff'], { prefix: true })).toHaveLength(3);
    expect(found(['rice', 'tariffs'], { combineWith: 'AND' })).toEqual(['rice farmers protest tariffs']);
  });
});

describe('CorpusIndex date range on topics', () => {
  it('keeps exactly the passages inDateRange keeps, for whole-year, month, day and undated passages', () => {
    const dates: Array<string | null> = ['2024', '2024-12', '2024-12-31', '2025-01-01', '2025-03', '2025', null, '2026-02-28'];
    const index = new CorpusIndex();
    dates.forEach((d, i) => {
      const t = transcript(`d${i}.txt`, [`tariffs story ${i}`]);
      t.passages[0]!.source.aired = null;
      t.passages[0]!.source.spoken = d;
      index.addTranscript(t);
    });
    const ranges = [{ since: '2025-01-01' }, { until: '2024-12-31' }, { since: '2024-12-15', until: '2025-01-10' }, { since: '2025-02-01', until: '2025-12-31' }, {}];
    for (const range of ranges) {
      const kept = index.weighTopic([{ term: 'tariffs', weight: 1, prefix: false }], 0, range).map((w) => w.passage.source.spoken).sort();
      const expected = dates.filter((d) => inDateRange(d, range)).sort();
      expect({ range, kept }).toEqual({ range, kept: expected });
    }
  });
});

describe('CorpusIndex topics over a file of many dates', () => {
  // One file whose passages were said years apart: the file spans 2019–2025, so a range inside
  // that span keeps the passage in it, and the neighbour outside the range still lends its words.
  function spanning(): CorpusIndex {
    const index = new CorpusIndex();
    const t = transcript('span.txt', ['rice farmers in 2019', 'the harvest of rice', 'farmers again in 2025']);
    ['2019-05-01', '2022-06-01', '2025-03-01'].forEach((d, i) => {
      t.passages[i]!.source.aired = null;
      t.passages[i]!.source.spoken = d;
    });
    index.addTranscript(t);
    index.addTranscript(transcript('other.txt', ['rice and farmers, aired 2025-01-01']));
    return index;
  }
  const terms = [{ term: 'rice', weight: 1, prefix: false }, { term: 'farmers', weight: 1, prefix: false }];

  it.each([
    [{ since: '2025-01-01' }, ['other.txt:1', 'span.txt:3']],
    [{ until: '2019-12-31' }, ['span.txt:1']],
    [{ since: '2022-01-01', until: '2022-12-31' }, ['span.txt:2']],
    [{ since: '2019-05-02', until: '2022-05-31' }, []],
    [{ since: '2026-01-01' }, []],
  ])('range %j keeps %j', (range, expected) => {
    const kept = spanning().weighTopic(terms, 0, { ...range, near: 40 }).map((h) => `${h.passage.source.file}:${h.passage.source.line}`).sort();
    expect(kept).toEqual(expected);
  });

  it('a passage in range is near its neighbours out of range: their words count with its own', () => {
    const hit = spanning().weighTopic(terms, 0, { since: '2022-01-01', until: '2022-12-31', near: 40 })[0]!;
    expect(hit.mask).toBe(0b01);
    expect(hit.nearMask).toBe(0b11);
  });

  it('counts the files using a word again after the archive changes', () => {
    const index = spanning();
    expect(index.filesWith('rice')).toBe(2);
    index.addTranscript(transcript('third.txt', ['rice prices']));
    expect(index.filesWith('rice')).toBe(3);
    index.removeFile('span.txt');
    expect(index.filesWith('rice')).toBe(2);
    expect(index.filesWith('ric', true)).toBe(2);
  });
});
