import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/parseCommandLine.ts';

describe('parseCommandLine', () => {
  it('free words fill the first option; name:value the others', () => {
    expect(parseCommandLine('/timeline Kim Jong-un since:2025-01-01')).toEqual({
      ok: true,
      invocation: { command: 'timeline', args: { topic: 'Kim Jong-un', since: '2025-01-01' } },
    });
  });
  it('values may have spaces, quoted or running to the next option', () => {
    expect(parseCommandLine('/who-said quote:"receptive to correspondence" speaker:Karoline Leavitt until:2025-12')).toEqual({
      ok: true,
      invocation: { command: 'who-said', args: { quote: 'receptive to correspondence', speaker: 'Karoline Leavitt', until: '2025-12' } },
    });
  });
  it('a colon that is not an option name stays in the text', () => {
    const r = parseCommandLine('/who-said Note: we have three goals');
    expect(r.ok && r.invocation.args.quote).toBe('Note: we have three goals');
  });
  it('names an unknown command', () => {
    expect(parseCommandLine('/whosaid x')).toEqual({ ok: false, problem: { code: 'unknown_command', message: 'There is no command "whosaid". Type /help for the list.' } });
  });
});
