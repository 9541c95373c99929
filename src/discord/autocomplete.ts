// Suggestions while a journalist types a speaker or programme: at most 25, best first.
import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { SpeakerSummary } from '../core/ask/answer.ts';
import { clip, plainName } from './escapeText.ts';

export const MAX_CHOICES = 25;
const MAX_CHARS = 100;

/** `suggestions`: the engine's speakers starting like what was typed, best first. */
export function speakerChoices(suggestions: readonly SpeakerSummary[]): ApplicationCommandOptionChoiceData<string>[] {
  return suggestions
    .slice(0, MAX_CHOICES)
    // A name longer than 100 characters cannot be a value Discord sends back intact; leave it out.
    .filter((s) => s.name.length <= MAX_CHARS)
    // The shown name is neutralised (no direction tricks); the value must stay the name as indexed.
    .map((s) => ({ name: clip(plainName(s.titles[0] ? `${s.name} — ${s.titles[0]}` : s.name), MAX_CHARS), value: s.name }));
}

/** `counts`: every programme with its number of files. */
export function programChoices(counts: ReadonlyArray<[string, number]>, typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const q = typed.trim().toLowerCase();
  // Programmes starting with what was typed come before those merely containing it; then the busiest.
  const rank = (name: string) => (name.toLowerCase().startsWith(q) ? 0 : 1);
  return [...counts]
    .filter(([name]) => name.length <= MAX_CHARS && (!q || name.toLowerCase().includes(q)))
    .sort((a, b) => rank(a[0]) - rank(b[0]) || b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_CHOICES)
    .map(([name]) => ({ name: plainName(name), value: name }));
}
