// "Right" / "Wrong speaker": one JSON line per click, appended for later evaluation of who-said.
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

export interface FeedbackRecord {
  time: string;
  verdict: 'right' | 'wrong_speaker';
  passageId: string;
  query: string;
  command: string;
  userId: string;
  interactionId: string;
}

export const FEEDBACK_FILE = 'feedback.jsonl';

export async function recordFeedback(dataDir: string, record: FeedbackRecord): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  // One appendFile per line: lines from concurrent clicks never interleave within a line.
  await appendFile(path.join(dataDir, FEEDBACK_FILE), `${JSON.stringify(record)}\n`, 'utf8');
}
