// Rendered answers as Discord shows them (inline snapshots), and Discord's limits under stress.
import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import type { AnswerItem } from '../../src/core/ask/answer.ts';
import { LIMITS, renderAnswerEmbed } from '../../src/discord/renderEmbeds.ts';
import { answer, closeAnswer, exactAnswer, notFoundAnswer, passage, reportedAnswer, timelineAnswer } from './sampleAnswers.ts';

function embedSize(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

function expectWithinLimits(e: APIEmbed): void {
  expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
  expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
  expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
  expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
  for (const f of e.fields ?? []) {
    expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(f.value.length).toBeGreaterThan(0);
  }
  expect(embedSize(e)).toBeLessThanOrEqual(LIMITS.total);
}

describe('renderAnswerEmbed', () => {
  it('who-said, exact', () => {
    expect(renderAnswerEmbed(exactAnswer())).toMatchInlineSnapshot(`
      {
        "color": 3050327,
        "fields": [
          {
            "name": "2025-04-02 · quote",
            "value": "> “**The ferry will be back before the school holidays**, and every islander who paid for a season pass gets two months free.”
      **Mara Quell, Harbour Councillor** · quote
      spoken 2025-04-02 (April 2) · aired 2025-04-03
      Evening Desk: “Ferry service ‘back by summer’”
      \`harbour/001_ferry.txt, line 19\` · id \`abc123-19\`",
          },
        ],
        "title": "Exact match",
      }
    `);
  });

  it('who-said, close', () => {
    expect(renderAnswerEmbed(closeAnswer())).toMatchInlineSnapshot(`
      {
        "color": 14329120,
        "fields": [
          {
            "name": "2025-04-02 · quote",
            "value": "> “**The ferry will be back before the** school holidays, and every islander who paid for a season pass gets two months free.”
      **Mara Quell, Harbour Councillor** · quote
      spoken 2025-04-02 (April 2) · aired 2025-04-03
      Evening Desk: “Ferry service ‘back by summer’”
      \`harbour/001_ferry.txt, line 19\` · id \`abc123-19\`",
          },
        ],
        "title": "Close match: 2 words differ",
      }
    `);
  });

  it('who-said, reported', () => {
    expect(renderAnswerEmbed(reportedAnswer())).toMatchInlineSnapshot(`
      {
        "color": 14329120,
        "fields": [
          {
            "name": "2025-04-02 · reported speech",
            "value": "> “The councillor said that **the ferry would still return by summer**.”
      **The councillor** · reported speech
      spoken 2025-04-02 (April 2) · aired 2025-04-03
      Evening Desk: “Ferry service ‘back by summer’”
      \`harbour/001_ferry.txt, line 19\` · id \`def456-23\`",
          },
        ],
        "title": "Reported speech, not a direct quote",
      }
    `);
  });

  it('who-said, not found, with the nearest passage', () => {
    expect(renderAnswerEmbed(notFoundAnswer())).toMatchInlineSnapshot(`
      {
        "color": 11674146,
        "fields": [
          {
            "name": "Nearest · 2025-05-20 · narration",
            "value": "> “The vote came after four hours of debate on the harbour.”
      **Reporter** · narration
      aired 2025-05-20
      Evening Desk: “Ferry service ‘back by summer’”
      \`harbour/001_ferry.txt, line 13\` · id \`def456-13\`",
          },
        ],
        "title": "Nobody in the archive said this; nearest:",
      }
    `);
  });

  it('a timeline page: a field per story with its shown passages, the rest counted, a rerun, words that date a passage, an undated story', () => {
    expect(renderAnswerEmbed(timelineAnswer())).toMatchInlineSnapshot(`
      {
        "color": 4878245,
        "description": "*7 stories, 12 passages about it.*
      *1 undated story is listed last.*",
        "fields": [
          {
            "name": "[1] 2025-05-20 · Evening Desk: “Harbour budget passes”",
            "value": "> “We will not raise mooring fees this year, and the ferry money is safe in this budget.”
      **Mara Quell, Harbour Councillor** · quote
      aired 2025-05-20
      \`harbour/002_budget.txt, line 19\` · id \`def456-19\`
      > “The councillor said last month that the ferry would return by summer.”
      **The councillor** · reported speech
      said last month (2025-04) · aired 2025-05-20
      \`harbour/002_budget.txt, line 23\` · id \`def456-23\`
      *+ 1 more passage about it*
      also aired: 2025-05-21 on Late Desk",
          },
          {
            "name": "[2] undated · undated.txt",
            "value": "> “Ferry tickets go on sale on Monday.”
      **Local resident** (not named) · quote
      date unknown
      \`undated.txt, line 4\` · id \`ghi789-4\`",
          },
        ],
        "footer": {
          "text": "Page 2 of 2 · 7 in all",
        },
        "title": "Timeline: ferry (7 stories)",
      }
    `);
  });

  it('a huge passage is cut around the match at word boundaries, marked with …', () => {
    const words = Array.from({ length: 4000 }, (_, i) => `word${i}`);
    words.splice(2000, 3, 'the', 'needle', 'here');
    const text = words.join(' ');
    const start = text.indexOf('the needle here');
    const item: AnswerItem = {
      passage: passage({ text }),
      date: '2025-04-02',
      match: { verdict: 'exact', span: { start, end: start + 15 }, marks: [{ start, end: start + 15 }], differing: 0, differences: [] },
    };
    const e = renderAnswerEmbed(answer({ command: 'who-said', query: 'the needle here', verdict: 'exact', items: [item] }));
    expectWithinLimits(e);
    const value = e.fields![0]!.value;
    expect(value).toContain('**the needle here**');
    expect(value).toMatch(/^> “… word\d+ /);
    expect(value).toMatch(/ word\d+ …”\n/);
    expect(value).toContain('`harbour/001_ferry.txt, line 19` · id `abc123-19`');
    // The context command shows passages whole, so it must still fit when they are huge.
    const ctx = renderAnswerEmbed(answer({ command: 'context', query: 'abc123-19', items: Array.from({ length: 7 }, () => ({ ...item, match: undefined })) }));
    expectWithinLimits(ctx);
  });

  it('30 long items: at most 25 fields, 6,000 characters, each with its source', () => {
    const long = 'The harbour will reopen and @everyone must know it. '.repeat(40);
    const items: AnswerItem[] = Array.from({ length: 30 }, (_, i) => ({
      passage: passage({ id: `p${i}-1`, text: long }, { line: i + 1, headline: 'A headline '.repeat(30) }),
      date: '2025-04-02',
    }));
    const e = renderAnswerEmbed(answer({ command: 'search', query: 'harbour '.repeat(100), items, total: 30 }));
    expectWithinLimits(e);
    expect(e.fields).toHaveLength(25);
    expect(e.footer?.text).toBe('5 more not shown');
    for (const [i, f] of e.fields!.entries()) expect(f.value).toContain(`line ${i + 1}\` · id \`p${i}-1\``);
  });

  it('escapes mentions, markdown and links from the transcript', () => {
    const text = '@everyone and @here: ask <@123>, <@!77>, <@&123> or <#9>, read **bold** _claims_ `code` at https://example.com and [this](http://evil.example)';
    const e = renderAnswerEmbed(answer({ command: 'search', query: '<@123> **x**', items: [{ passage: passage({ text }), date: null }] }));
    expect(e.title).toMatchInlineSnapshot(`"Search: <​@123> \\*\\*x\\*\\* (1)"`);
    const quote = e.fields![0]!.value.split('\n')[0]!;
    // Zero-width spaces break every mention and link (invisible in the snapshot below).
    expect(quote).not.toMatch(/@everyone|@here|<[@#]|https?:\/\//);
    expect(quote).toContain('<\u200b@&123>');
    expect(quote).toMatchInlineSnapshot(`"> “@​everyone and @​here: ask <​@123>, <​@!77>, <​@&123> or <​#9>, read \\*\\*bold\\*\\* \\_claims\\_ \\\`code\\\` at https:​//example.com and \\[this\\](http:​//evil.example)”"`);
  });

  it('a long file name is cut in its middle: the source line keeps its line number', () => {
    const file = `briefings/2025/03/${'press-briefing-by-press-secretary-karoline-leavitt-'.repeat(4)}march-4-2025.md`;
    const e = renderAnswerEmbed(answer({ command: 'search', query: 'ferry', items: [{ passage: passage({ text: 'The ferry is back.' }, { file, line: 1234 }), date: null }] }));
    expectWithinLimits(e);
    const where = e.fields![0]!.value.split('\n').at(-1)!;
    expect(where).toMatch(/^`briefings\/2025\/03\/press-briefing-by-press-secreta.*….*-march-4-2025\.md, line 1234` · id `abc123-19`$/);
    expect([...where.slice(1, where.indexOf('`', 1))].length).toBe(160);
    // Timecodes stay too.
    const timed = renderAnswerEmbed(answer({ command: 'search', query: 'x', items: [{ passage: passage({ text: 'Words.' }, { file, line: 88, timecode: '1:02:13' }), date: null }] }));
    expect(timed.fields![0]!.value).toContain('-march-4-2025.md, line 88 at 1:02:13`');
  });

  it('shows the page a briefing came from as a link labelled with its host, and no other kind of link', () => {
    const url = 'https://www.whitehouse.gov/briefings-statements/2025/03/press-briefing-(march-4)/';
    const e = renderAnswerEmbed(answer({ command: 'search', query: 'ferry', items: [{ passage: passage({ text: 'The ferry is back.' }, { url }), date: null }] }));
    expect(e.fields![0]!.value).toMatchInlineSnapshot(`
      "> “The ferry is back.”
      **Mara Quell, Harbour Councillor** · quote
      spoken 2025-04-02 (April 2) · aired 2025-04-03
      source: [www.whitehouse.gov](https://www.whitehouse.gov/briefings-statements/2025/03/press-briefing-%28march-4%29/)
      Evening Desk: “Ferry service ‘back by summer’”
      \`harbour/001_ferry.txt, line 19\` · id \`abc123-19\`"
    `);
    for (const bad of ['javascript:alert(1)', 'ftp://example.com/x', 'https://user:pw@example.com/', 'not a url', `https://example.com/${'x'.repeat(600)}`]) {
      const b = renderAnswerEmbed(answer({ command: 'search', query: 'x', items: [{ passage: passage({ text: 'Words.' }, { url: bad }), date: null }] }));
      expect(b.fields![0]!.value, bad).not.toContain('source:');
    }
  });

  it('names from files and labels are shown as text: no mention, no markdown, no direction tricks, one line', () => {
    const item: AnswerItem = {
      passage: passage(
        { text: 'Words.', speaker: { label: 'x', name: 'Mara\u202e Quell <@123>', title: '**Boss**\nof @everyone', anonymous: false } },
        { file: 'odd`name\n\u2066.txt', program: 'Desk <#9>', headline: '_Big_ \u202enews', note: 'March [2](http://x.example)' },
      ),
      date: null,
    };
    const value = renderAnswerEmbed(answer({ command: 'search', query: 'x', items: [item] })).fields![0]!.value;
    expect(value).toMatchInlineSnapshot(`
      "> “Words.”
      **Mara� Quell <​@123>, \\*\\*Boss\\*\\*�of @​everyone** · quote
      spoken 2025-04-02 (March \\[2\\](http:​//x.example)) · aired 2025-04-03
      Desk <​#9>: “\\_Big\\_ �news”
      \`oddʼname��.txt, line 19\` · id \`abc123-19\`"
    `);
    expect(value).not.toMatch(/[\u202a-\u202e\u2066-\u2069]|<[@#]|@everyone/);
  });
});
