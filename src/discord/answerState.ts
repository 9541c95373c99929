// What a button or a thread needs to know about an answer, checked when read back from disk.
import { z } from 'zod';
import type { Answer, AnswerContext } from '../core/ask/answer.ts';

const commandName = z.enum(['who-said', 'timeline', 'story', 'followed', 'quotes', 'search', 'context', 'speakers', 'when']);

const contextSchema = z.object({
  command: commandName,
  query: z.string(),
  speaker: z.string().optional(),
  topic: z.string().optional(),
  since: z.string().optional(),
  until: z.string().optional(),
  program: z.string().optional(),
  page: z.number().int(),
  focusId: z.string().optional(),
  focusDate: z.string().optional(),
  order: z.enum(['aired', 'spoken']).optional(),
  stories: z.array(z.string()).optional(),
  story: z.string().optional(),
});

/** An answer a message shows: its context, plus the passage and speaker its buttons act on. */
export interface AnswerRef {
  context: AnswerContext;
  passageId?: string;
  speaker?: string;
}

const refSchema = z.object({ context: contextSchema, passageId: z.string().optional(), speaker: z.string().optional() });

export function isAnswerContext(v: unknown): v is AnswerContext {
  return contextSchema.safeParse(v).success;
}

export function isAnswerRef(v: unknown): v is AnswerRef {
  return refSchema.safeParse(v).success;
}

/** Narration voices ("Reporter", "Anchor") are not people to follow up on. */
const VOICE = /^(anchor|reporter|narrator)$/i;

export function refOf(a: Answer): AnswerRef {
  const items = a.verdict === 'not_found' ? a.nearest : a.items;
  const focus = items.find((i) => i.passage.id === a.context.focusId) ?? items[0];
  const speaker = a.context.speaker ?? (focus && focus.passage.kind !== 'narration' ? focus.passage.speaker.name : undefined);
  return {
    context: a.context,
    ...(focus ? { passageId: focus.passage.id } : {}),
    ...(speaker && !VOICE.test(speaker) ? { speaker } : {}),
  };
}
