// "Right" / "Wrong speaker": one vote per user per answer, kept in the state store (the last
// click counts), for later evaluation of who-said. Votes expire with their space, so they do not
// only grow; `npx soundbite feedback` prints them.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { StateRecords } from './stateStore.ts';

const voteSchema = z.object({
  time: z.string(),
  verdict: z.enum(['right', 'wrong_speaker']),
  passageId: z.string(),
  query: z.string(),
  command: z.string(),
  userId: z.string(),
  interactionId: z.string(),
  /** The answer voted on (its button key); absent in votes carried over from feedback.jsonl. */
  answerKey: z.string().optional(),
});

export type FeedbackVote = z.infer<typeof voteSchema>;

export function isFeedbackVote(v: unknown): v is FeedbackVote {
  return voteSchema.safeParse(v).success;
}

/** One record per user and answer: a second click replaces the first. */
export function voteKey(answerKey: string, userId: string): string {
  return `${answerKey}:${userId}`;
}

/** Votes from feedback.jsonl have no answer key: the same user, passage and question are one answer. */
export function legacyVoteKey(v: FeedbackVote): string {
  const question = createHash('sha256').update(`${v.command}\n${v.query}`).digest('hex').slice(0, 16);
  return `legacy:${v.userId}:${v.passageId}:${question}`;
}

/** True once the vote is kept. */
export function recordVote(votes: StateRecords<FeedbackVote>, vote: FeedbackVote & { answerKey: string }): Promise<boolean> {
  return votes.set(voteKey(vote.answerKey, vote.userId), vote);
}
