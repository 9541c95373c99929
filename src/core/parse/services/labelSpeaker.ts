// Who a transcription-service, caption or cable label names. Services write names as a person
// typed them (`Jane McRoe`), captions and cable desks in capitals (`JANE ROE`); both may say
// only that someone spoke (`Speaker 2`, `UNIDENTIFIED MALE`, a bare `>>`).
import type { Speaker } from '../../model.ts';
import { straightenQuotes, squash } from '../sourceText.ts';
import { createSpeakerResolver, type SpeakerContext } from '../speakerNames.ts';

/** Labels that say someone spoke without saying who. */
const UNNAMED =
  /^(?:speaker|spk|unknown(?: speaker)?|unidentified(?: (?:speaker|voice|male|female|man|woman|person|reporter|participant))?|unknown (?:male|female|man|woman))(?:\s*#?\s*\d+)?$/i;

/** The speaker of words no label claims: a caption `>>` with no name, a cue before any name. */
export const UNKNOWN_SPEAKER: Readonly<Speaker> = { label: '', name: 'Unknown speaker', title: null, anonymous: true };

export type LabelSpeaker = (label: string) => Speaker;

/** One file's label reader; remembers what it resolved so a label reads the same every time. */
export function createLabelSpeaker(ctx: SpeakerContext): LabelSpeaker {
  const resolveUpper = createSpeakerResolver(ctx);
  const seen = new Map<string, Speaker>();
  const read = (raw: string): Speaker => {
    const label = squash(straightenQuotes(raw));
    if (label === '') return UNKNOWN_SPEAKER;
    const alias = ctx.aliases?.get(raw) ?? ctx.aliases?.get(label);
    if (alias) return { label, name: alias, title: null, anonymous: false };
    if (UNNAMED.test(label)) return { label, name: sentenceCase(label), title: null, anonymous: true };
    // Typed in mixed case, the name is already spelled the way the person spells it: upper-casing
    // it for the resolver would turn `McRoe` into `Mcroe`.
    if (/\p{Ll}/u.test(label)) return { label, name: label, title: null, anonymous: false };
    return { ...resolveUpper(label), label };
  };
  return (raw: string): Speaker => {
    const hit = seen.get(raw);
    if (hit) return hit;
    const speaker = read(raw);
    seen.set(raw, speaker);
    return speaker;
  };
}

/** `UNIDENTIFIED MALE` → `Unidentified male`, `Speaker 2` stays. */
function sentenceCase(label: string): string {
  const lower = label.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
