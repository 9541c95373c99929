import { describe, expect, it } from 'vitest';
import { chunkParagraphs } from '../../../src/core/parse/briefing/chunkParagraphs.ts';
import { isChromeLine } from '../../../src/core/parse/briefing/pageChrome.ts';
import { parseBriefing } from '../../../src/core/parse/briefing/parseBriefing.ts';
import { readFrontMatter } from '../../../src/core/parse/briefing/readFrontMatter.ts';
import { sniffBriefing } from '../../../src/core/parse/briefing/sniffBriefing.ts';
import { removeStageNotes } from '../../../src/core/parse/briefing/stageNotes.ts';
import { readTurnStart } from '../../../src/core/parse/briefing/turnLabels.ts';
import { sourceLines, squash } from '../../../src/core/parse/sourceText.ts';

const lines = (s: string) => sourceLines(s);

describe('readFrontMatter', () => {
  it('reads quoted, unquoted and folded values', () => {
    const fm = readFrontMatter(lines([
      '---',
      "date: '2025-01-29'",
      'source_url: https://example.gov/a/b/',
      'tags: press-briefings',
      'title: "Remarks by Press\\_Secretary Jane\\_Roe on \\u201CBridges\\u201D\\',
      '  \\ and Tunnels"',
      'plain: Remarks at the',
      '  Bridge Summit',
      "single: 'It''s a long",
      "  title'",
      '---',
      'MS. ROE:  Hello.',
    ].join('\n')));
    expect(fm.fields.get('date')).toBe('2025-01-29');
    expect(fm.fields.get('source_url')).toBe('https://example.gov/a/b/');
    expect(fm.fields.get('title')).toBe('Remarks by Press\u00a0Secretary Jane\u00a0Roe on “Bridges” and Tunnels');
    expect(fm.fields.get('plain')).toBe('Remarks at the Bridge Summit');
    expect(fm.fields.get('single')).toBe("It's a long title");
    expect(fm.bodyStart).toBe(11);
    expect(fm.problem).toBeNull();
  });
  it('says so when the block never closes', () => {
    const fm = readFrontMatter(lines("---\ndate: '2025-01-29'\nMS. ROE:  Hello."));
    expect(fm.problem?.message).toBe('The front matter opened with --- is never closed, so it was read as text.');
    expect(fm.bodyStart).toBe(0);
  });
  it('is empty without front matter', () => {
    expect(readFrontMatter(lines('MS. ROE:  Hello.')).fields.size).toBe(0);
  });
});

describe('readTurnStart', () => {
  it('reads labels, indented labels and questions', () => {
    expect(readTurnStart('MS. ROE:  Good afternoon.', false)).toEqual({ kind: 'label', label: 'MS. ROE', rest: 'Good afternoon.' });
    expect(readTurnStart('    THE PRESIDENT:', false)).toEqual({ kind: 'label', label: 'THE PRESIDENT', rest: '' });
    expect(readTurnStart('SENIOR ADMINISTRATION OFFICIAL:  Sure.', false)?.kind).toBe('label');
    expect(readTurnStart('Q    Thank you.', false)).toEqual({ kind: 'question', rest: 'Thank you.' });
    expect(readTurnStart('Q:  Thank you.', false)).toEqual({ kind: 'question', rest: 'Thank you.' });
    expect(readTurnStart('Q', false)).toEqual({ kind: 'question', rest: '' });
    expect(readTurnStart('MS. O’ROE:  It’s “fine.”', false)).toEqual({ kind: 'label', label: "MS. O'ROE", rest: 'It’s “fine.”' });
  });
  it('does not read a sentence with a colon as a label', () => {
    expect(readTurnStart('We have three goals: jobs, prices and bridges.', true)).toBeNull();
    expect(readTurnStart('The President said it best: "Not yet."', true)).toBeNull();
    expect(readTurnStart('END 1:45 P.M. EST', true)).toBeNull();
    expect(readTurnStart('H.R. 3537: the Bridges Act.', true)).toBeNull();
    expect(readTurnStart('Quite so.', true)).toBeNull();
  });
  it('trusts a label that names no person only where allowed', () => {
    expect(readTurnStart('PROMISES KEPT: In 2024 ...', false)).toBeNull();
    expect(readTurnStart('RM:  Thank you.', true)?.kind).toBe('label');
  });
});

describe('page chrome and stage notes', () => {
  it('knows time lines and end markers', () => {
    for (const l of ['1:06 P.M. EST', '  11:40 A.M. EDT  ', 'END', 'END                 1:45 P.M. EST', '* * *']) expect(isChromeLine(l), l).toBe(true);
    expect(isChromeLine('The end of the day at 5:00 P.M. EST is near.')).toBe(false);
  });
  it('removes stage notes, including ones wrapped over lines, and keeps (inaudible)', () => {
    const clean = (s: string) => squash(removeStageNotes(s));
    expect(clean('Go ahead.  (Laughter.)  Next.')).toBe('Go ahead. Next.');
    expect(clean('Done. (The National Medal of Arts is\npresented.) Thanks.')).toBe('Done. Thanks.');
    expect(clean('Thank you. (applause)')).toBe('Thank you.');
    expect(removeStageNotes('people (inaudible) going forward')).toBe('people (inaudible) going forward');
  });
});

describe('chunkParagraphs', () => {
  it('keeps a short turn whole and splits a long one at paragraph breaks', () => {
    const p = (line: number, words: number) => ({ line, text: Array.from({ length: words }, () => 'word').join(' ') });
    expect(chunkParagraphs([p(1, 50), p(3, 50)])).toHaveLength(1);
    const chunks = chunkParagraphs([p(1, 200), p(5, 100), p(9, 100), p(12, 400)]);
    expect(chunks.map((c) => c.line)).toEqual([1, 5, 12]);
  });
});

describe('sniffBriefing', () => {
  it('is sure of front matter with a date', () => {
    expect(sniffBriefing(lines("---\ndate: '2025-01-29'\ntitle: x\n---\nMS. ROE:  Hi."))).toBeGreaterThan(0.5);
  });
  it('recognises bare turns without front matter', () => {
    // Turns without front matter are the general reader's.
    expect(sniffBriefing(lines('MS. ROE:  Hi.\n\nQ    Question?\n\nMS. ROE:  Answer.'))).toBe(0);
  });
  it('says 0 for broadcast scripts', () => {
    expect(sniffBriefing(lines(' date 2025-06-12 [News Today] “Minister ‘open’ to new talks”\n[LEAD]\nNarration.'))).toBe(0);
    expect(sniffBriefing(lines(' date 2024-12-05 News 9\n[Anchor]\nNarration.\n[Jane Roe/Leader: "No."]'))).toBe(0);
    expect(sniffBriefing(lines('[Anchor Lead]\nNarration.\nMS. ROE:  Hi.\nMR. DOE:  Hi.'))).toBe(0);
    expect(sniffBriefing(lines('Just some prose: nothing more.'))).toBe(0);
  });
});

describe('parseBriefing', () => {
  it('starts a passage on the line where the words start, after an empty label line', () => {
    const t = parseBriefing({ file: 'x.md', lines: lines("---\ndate: '2022-01-05'\n---\nMS. ROE:\n\nHello there.\n") });
    expect(t.passages.map((p) => [p.source.line, p.speaker.name, p.text])).toEqual([[6, 'Roe', 'Hello there.']]);
  });
  it('warns when there is no date, and names the office instead of a person', () => {
    const t = parseBriefing({ file: 'x.md', lines: lines('THE PRESIDENT:  Hello.\n\nQ    Hi?') });
    expect(t.passages[0]?.speaker.name).toBe('The President');
    expect(t.issues).toEqual([{ file: 'x.md', line: 1, severity: 'warning', message: 'The file has no date in its front matter, so its passages are undated and THE PRESIDENT cannot be named.' }]);
  });
  it('reports a file with nothing to quote', () => {
    const t = parseBriefing({ file: 'x.md', lines: lines("---\ndate: '2022-01-05'\n---\n\n1:06 P.M. EST\n\nEND") });
    expect(t.passages).toEqual([]);
    expect(t.issues.map((i) => i.message)).toEqual(['The briefing has no words after its front matter, so nothing from it can be quoted.']);
  });
  it('never throws on odd input', () => {
    for (const s of ['', '---', '---\n---', 'Q', ':', 'MS. :', '---\ntitle: "unclosed\n---\nQ  x']) {
      expect(() => parseBriefing({ file: 'x.md', lines: lines(s) }), s).not.toThrow();
    }
  });
});

describe('inline HTML', () => {
  it('reads a <br /> line as a paragraph break and drops struck-out typos', () => {
    const long = Array.from({ length: 200 }, () => 'word').join(' ');
    const t = parseBriefing({
      file: 'x.md',
      lines: lines(`---\ndate: '2023-06-09'\n---\nTHE PRESIDENT:  ${long}<br />\n\u00a0<br />\nWe <s>insaulted</s> \\[assaulted\\] them.  ${long}<br />`),
    });
    expect(t.passages.map((p) => p.source.line)).toEqual([4, 6]);
    expect(t.passages[1]?.text.startsWith('We [assaulted] them.')).toBe(true);
  });
});
