// Buttons under an answer. A custom_id is `sb1:<verb>:<key>[:<page>]`: the key points at the
// answer's context persisted in the data dir, so buttons keep working after a restart.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { Answer } from '../core/ask/answer.ts';
import type { AnswerRef } from './answerState.ts';

export type ButtonVerb = 'page' | 'context' | 'timeline' | 'right' | 'wrong' | 'label' | 'export' | 'story';

const CODES: Record<ButtonVerb, string> = { page: 'p', context: 'c', timeline: 't', right: 'r', wrong: 'w', label: 'i', export: 'e', story: 'x' };
const VERBS = new Map(Object.entries(CODES).map(([verb, code]) => [code, verb as ButtonVerb]));

/** Bumped if the format changes, so an old button is recognised as such rather than misread. */
const PREFIX = 'sb1';

export interface ButtonAction {
  verb: ButtonVerb;
  key: string;
  page?: number;
}

export function customId(a: ButtonAction): string {
  return [PREFIX, CODES[a.verb], a.key, ...(a.page !== undefined ? [String(a.page)] : [])].join(':');
}

export function parseCustomId(id: string): ButtonAction | null {
  const m = /^sb1:([a-z]):([a-z0-9]{1,32})(?::(\d{1,6}))?$/.exec(id);
  const verb = m ? VERBS.get(m[1]!) : undefined;
  if (!m || !verb) return null;
  return { verb, key: m[2]!, ...(m[3] ? { page: Number(m[3]) } : {}) };
}

type Row = APIActionRowComponent<APIButtonComponent>;

type ActionStyle = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;

const button = (action: ButtonAction, label: string, style: ActionStyle, disabled = false): APIButtonComponent => ({
  type: ComponentType.Button,
  custom_id: customId(action),
  label,
  style,
  disabled,
});

export function answerButtons(a: Answer, ref: AnswerRef, key: string): Row[] {
  const rows: Row[] = [];
  if (a.pageCount > 1) {
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        button({ verb: 'page', key, page: a.page - 1 }, '◀', ButtonStyle.Secondary, a.page <= 1),
        button({ verb: 'label', key }, `page ${a.page} of ${a.pageCount}`, ButtonStyle.Secondary, true),
        button({ verb: 'page', key, page: a.page + 1 }, '▶', ButtonStyle.Secondary, a.page >= a.pageCount),
      ],
    });
  }
  const more: APIButtonComponent[] = [];
  if (ref.passageId && a.command !== 'context') more.push(button({ verb: 'context', key }, 'More context', ButtonStyle.Primary));
  if (ref.speaker) more.push(button({ verb: 'timeline', key }, 'Timeline of this speaker', ButtonStyle.Secondary));
  // Feedback is about who-said's attribution: the one answer whose speaker can be right or wrong.
  if (a.command === 'who-said' && a.verdict !== 'not_found' && ref.passageId) {
    more.push(button({ verb: 'right', key }, 'Right', ButtonStyle.Success), button({ verb: 'wrong', key }, 'Wrong speaker', ButtonStyle.Danger));
  }
  // Any answer with something in it can be taken away as Markdown and CSV.
  if (a.total > 0 && a.command !== 'speakers') more.push(button({ verb: 'export', key }, 'Export', ButtonStyle.Secondary));
  if (more.length) rows.push({ type: ComponentType.ActionRow, components: more.slice(0, 5) });
  // A timeline's stories with more passages than shown: one button each lists them all.
  const expandable = (a.stories ?? []).flatMap((s, i) => (s.passages.length > s.shown.length ? [button({ verb: 'story', key, page: i + 1 }, `All of [${i + 1}] (${s.passages.length})`, ButtonStyle.Secondary)] : []));
  if (expandable.length) rows.push({ type: ComponentType.ActionRow, components: expandable.slice(0, 5) });
  return rows;
}

/** A short random key: 10 base-36 characters leave plenty of room in a 100-character custom_id. */
export function newKey(): string {
  let k = '';
  while (k.length < 10) k += Math.random().toString(36).slice(2);
  return k.slice(0, 10);
}
