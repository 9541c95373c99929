import { describe, expect, it } from 'vitest';
import type { AnswerContext } from '../../../src/core/ask/answer.ts';
import { inheritContext, interpretFollowUp } from '../../../src/core/ask/followUp.ts';

const whoSaidCtx: AnswerContext = { command: 'who-said', query: 'receptive to correspondence', page: 1, speaker: 'Karoline Leavitt', focusId: 'abc-14', focusDate: '2025-06-12' };
const timelineCtx: AnswerContext = { command: 'timeline', query: 'Kim Jong-un', topic: 'Kim Jong-un', since: '2025-01-01', page: 2 };

function inv(text: string, ctx: AnswerContext) {
  const r = interpretFollowUp(text, ctx);
  if (!r.ok) throw new Error(r.problem.message);
  return r.invocation;
}

describe('interpretFollowUp', () => {
  it('"what else did she say?" lists the same speaker without the passage already shown', () => {
    expect(inv('What else did she say?', whoSaidCtx)).toEqual({ command: 'quotes', args: { speaker: 'Karoline Leavitt' }, exclude: 'abc-14' });
  });
  it('"more" and "previous" page through the same answer', () => {
    expect(inv('more', timelineCtx)).toEqual({ command: 'timeline', args: { topic: 'Kim Jong-un', since: '2025-01-01' }, page: 3 });
    expect(inv('previous', timelineCtx).page).toBe(1);
  });
  it('"earlier" goes back in time: the previous page of a timeline, older quotes under a single passage', () => {
    expect(inv('earlier', timelineCtx).page).toBe(1);
    expect(inv('earlier', whoSaidCtx)).toEqual({ command: 'quotes', args: { speaker: 'Karoline Leavitt', until: '2025-06-12' }, exclude: 'abc-14' });
  });
  it('"when was that?" and "show the full context" are about the passage in focus', () => {
    expect(inv('when was that?', whoSaidCtx)).toEqual({ command: 'when', args: { id: 'abc-14' } });
    expect(inv('show the full context', whoSaidCtx)).toEqual({ command: 'context', args: { id: 'abc-14' } });
  });
  it('"what did Trump say about it?" keeps the topic and changes the speaker', () => {
    expect(inv('what did Trump say about it?', timelineCtx)).toEqual({ command: 'quotes', args: { speaker: 'Trump', topic: 'Kim Jong-un' } });
  });
  it('plain words narrow the answer; a quote-length line is a new who-said', () => {
    expect(inv('Singapore', whoSaidCtx)).toEqual({ command: 'quotes', args: { speaker: 'Karoline Leavitt', topic: 'Singapore' } });
    expect(inv('tariffs', timelineCtx)).toEqual({ command: 'timeline', args: { topic: 'tariffs', since: '2025-01-01' } });
    expect(inv('I walked across the line', timelineCtx)).toEqual({ command: 'who-said', args: { quote: 'I walked across the line', since: '2025-01-01' } });
  });
  it('refuses, saying why, where the answer has nothing to follow', () => {
    const r = interpretFollowUp('when was that?', timelineCtx);
    expect(r).toEqual({ ok: false, problem: { code: 'no_context', message: expect.stringContaining('needs a passage') } });
    expect(interpretFollowUp('   ', timelineCtx).ok).toBe(false);
  });
});

describe('inheritContext', () => {
  it('a slash command in a thread fills what it leaves out from the thread', () => {
    expect(inheritContext({ command: 'quotes', args: {} }, whoSaidCtx).args).toEqual({ speaker: 'Karoline Leavitt' });
    expect(inheritContext({ command: 'timeline', args: { topic: 'tariffs' } }, timelineCtx).args).toEqual({ topic: 'tariffs', since: '2025-01-01' });
  });
  it('a timeline inherits a topic, never a speaker name or a passage id as one', () => {
    const quotesCtx: AnswerContext = { command: 'quotes', query: 'Karoline Leavitt', speaker: 'Karoline Leavitt', page: 1 };
    expect(inheritContext({ command: 'timeline', args: {} }, quotesCtx).args).toEqual({ speaker: 'Karoline Leavitt' });
    const contextCtx: AnswerContext = { command: 'context', query: 'abc-14', focusId: 'abc-14', speaker: 'Karoline Leavitt', page: 1 };
    expect(inheritContext({ command: 'timeline', args: {} }, contextCtx).args).toEqual({ speaker: 'Karoline Leavitt' });
  });

  it('never overrides what the journalist typed', () => {
    expect(inheritContext({ command: 'quotes', args: { speaker: 'Trump' } }, whoSaidCtx).args.speaker).toBe('Trump');
  });
});
