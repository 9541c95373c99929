// The query parsers on hostile input: a typed line (the terminal's parseCommandLine), the core's
// option checking and every command (runCommand), follow-ups and dates, over the real seed corpus.
// Whatever is typed: no throw, a known command or a refusal with a known code, pages in range.
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProblemCode } from '../../src/core/ask/answer.ts';
import { COMMANDS, runCommand } from '../../src/core/ask/commands.ts';
import { interpretFollowUp } from '../../src/core/ask/followUp.ts';
import { parseDateInput } from '../../src/core/ask/parseDateInput.ts';
import type { CorpusIndex } from '../../src/core/search/CorpusIndex.ts';
import { parseCommandLine } from '../../src/cli/parseCommandLine.ts';
import { openTestCorpus } from '../helpers/indexFiles.ts';
import { fuzzRuns, testTimeoutMs } from './fuzzRuns.ts';

const CODES: ReadonlySet<ProblemCode> = new Set(['empty_query', 'query_too_long', 'too_few_words', 'bad_date', 'bad_range', 'unknown_speaker', 'unknown_program', 'unknown_passage', 'unknown_command', 'unknown_option', 'missing_option', 'no_context']);
const NOW = new Date('2026-01-15T12:00:00Z');

let index: CorpusIndex;
beforeAll(async () => {
  index = (await openTestCorpus(path.resolve(import.meta.dirname, '../../corpus'))).index;
});

const word = fc.oneof(
  fc.constantFrom('Kim', 'receptive', 'correspondence', 'the', 'Leavitt', 'Trump', 'summit', 'Singapore', 'walked', 'line', 'a', '"', '“quoted”', '’', '-', '...', '2025', '2025-03', '2025-13', 'last March', 'yesterday', '1mmnv060xghe2o-31', 'x'.repeat(400)),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const optionNames = [...new Set(COMMANDS.flatMap((c) => c.options.map((o) => o.name)))];
const line = fc.tuple(
  fc.oneof(fc.constantFrom(...COMMANDS.map((c) => `/${c.name}`), '/', '/WHO-SAID', '/nope', ''), fc.string({ maxLength: 10 })),
  fc.array(fc.oneof({ weight: 3, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom(...optionNames).map((n) => `${n}:`) }), { maxLength: 14 }),
).map(([command, parts]) => `${command} ${parts.join(' ')}`);

function checkOutcome(o: ReturnType<typeof runCommand>): void {
  if (!o.ok) {
    expect(CODES.has(o.problem.code)).toBe(true);
    expect(o.problem.message).not.toBe('');
    return;
  }
  const a = o.answer;
  expect(a.page).toBeGreaterThanOrEqual(1);
  expect(a.page).toBeLessThanOrEqual(Math.max(1, a.pageCount));
  expect(a.items.length).toBeLessThanOrEqual(a.total);
  for (const item of a.items) expect(index.passage(item.passage.id)).toBeDefined();
}

describe('query parsing on hostile input (fuzz)', () => {
  it('a typed line parses to a known command with its own options, or to a refusal', () => {
    fc.assert(fc.property(fc.oneof(line, fc.string({ maxLength: 200 })), (text) => {
      const parsed = parseCommandLine(text);
      if (!parsed.ok) {
        expect(CODES.has(parsed.problem.code)).toBe(true);
        return;
      }
      const spec = COMMANDS.find((c) => c.name === parsed.invocation.command);
      expect(spec).toBeDefined();
      for (const [k, v] of Object.entries(parsed.invocation.args)) {
        expect(spec!.options.map((o) => o.name)).toContain(k);
        expect(typeof v).toBe('string');
      }
    }), fuzzRuns(3000));
  }, testTimeoutMs());

  it('every command answers or refuses whatever its options hold, and so do follow-ups to its answer', () => {
    const args = fc.dictionary(fc.oneof(fc.constantFrom(...optionNames), fc.string({ maxLength: 6 })), fc.oneof(word, fc.array(word, { maxLength: 10 }).map((w) => w.join(' '))), { maxKeys: 4 });
    fc.assert(fc.property(fc.constantFrom(...COMMANDS.map((c) => c.name)), args, fc.integer({ min: -3, max: 50 }), fc.array(word, { maxLength: 6 }), (command, a, page, follow) => {
      const o = runCommand(index, { command, args: a, page }, NOW, 5);
      checkOutcome(o);
      if (!o.ok) return;
      const next = interpretFollowUp(follow.join(' '), o.answer.context);
      if (next.ok) checkOutcome(runCommand(index, next.invocation, NOW, 5));
      else expect(CODES.has(next.problem.code)).toBe(true);
    }), fuzzRuns(800));
  }, testTimeoutMs());

  it('a typed date is read or refused with a message, never thrown', () => {
    fc.assert(fc.property(fc.oneof(word, fc.string({ maxLength: 40 }), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))), (text) => {
      const d = parseDateInput(text, NOW);
      if (d.ok) expect(d.first <= d.last).toBe(true);
      else expect(d.message).not.toBe('');
    }), fuzzRuns(3000));
  }, testTimeoutMs());
});
