// Narration that reports someone's words ("The White House said that …") is attributed to that
// source as reported speech, never as a quote. Conservative: when unsure, it stays narration.
import type { Speaker } from '../model.ts';
import { splitOfficeTitle } from './broadcast/officeTitle.ts';

/** Verbs that report speech whatever follows them. */
const SPEECH_VERBS =
  'said|says|say|stated|states|told|tells|tell|announced|announces|announce|explained|explains|explain|' +
  'warned|warns|warn|stressed|stresses|emphasized|emphasizes|insisted|insists|argued|argues|argue|' +
  'predicted|predicts|admitted|admits|acknowledged|acknowledges|denied|denies|deny';
/** Verbs that also mean something else ("claimed first place", "added gold medals", "confirmed a
 * sentence", "after receiving a report"): they report speech only before `that` or `saying`. */
const WEAK_SPEECH_VERBS =
  'reported|reports|report|added|adds|noted|notes|claimed|claims|claim|confirmed|confirms|confirm|' +
  'revealed|reveals|wrote|writes|mentioned|mentions|cited|cites';

/** Words that may sit between a source and its verb: "Police have also said", "X reportedly claimed". */
const BETWEEN = '(?:(?:also|has|have|had|reportedly|previously|earlier|later|recently|further|then|publicly|officially|repeatedly|again|once|first|even)\\s+)*';

// Case-sensitive on purpose: "The United States said" must not split at "States".
const VERB_AFTER_SOURCE = new RegExp(`\\s+${BETWEEN}(?:(${SPEECH_VERBS})|(${WEAK_SPEECH_VERBS}))\\b`, 'g');
/** What a weak verb needs next: `that` within a few words, `saying`, or a colon or comma. */
const THAT_FOLLOWS = /^(?:\s*[,:]|(?:\s+\S+){0,6}?\s+(?:that|saying)\b)/;
/** What a strong verb needs next: a couple of words, so "Kim Woo-jun reports." is a sign-off. */
const CONTENT_FOLLOWS = /^\s*,?\s*\S+\s+\S+/;
const TRAILING = new RegExp(`,\\s+([^,]{2,80}?)\\s+${BETWEEN}(?:said|says|added|noted|explained|reported|stated|warned|told reporters)\\s*[.!?]?["”’']?\\s*$`, 'i');
const INVERTED = /,\s+(?:said|says|added)\s+([^,]{2,80}?)\s*[.!?]["”’']?\s*$/i;
const ACCORDING_TO = /\baccording to\s+([^,.;:]+?)\s*(?=[,.;:]|$)/i;

/** Pronouns and clause words: a source we cannot name is no source. */
const PRONOUN = /^(he|she|they|it|this|that|these|those|we|i|you|there|which|who|one|his|her|their|its|him|them)$/i;
/** A subject holding an auxiliary or a relative word is a clause, not a noun phrase. */
const CLAUSE_WORD = /\b(is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|might|must|did|does|do|not|no|who|which|that|whom|whose|when|where|if|because|while|although)\b/i;
/** A subject never opens with a preposition ("After receiving a report") nor ends with a
 * determiner or preposition ("The reports on …" splits after "The"). */
const OPENS_WITH_PREPOSITION = /^(after|before|due|during|in|on|at|for|with|without|from|by|since|until|as|following|amid|despite|regarding|among|under|over|through|to|of|into|about|when|while|if)\b/i;
const ENDS_WITH_FUNCTION_WORD = /\b(the|a|an|of|to|in|on|at|for|with|by|from|and|or|but|this|that|its|their|his|her|our|also)$/i;
const PRONOUN_ANYWHERE = /(^|\s)(he|she|they|it|we|i|you)(['’]\w+)?(\s|$)/i;
const LEADING_CONJUNCTION = /^(?:and|but|yet|so|meanwhile|still|also|then|now|instead|however|earlier|later|previously)\s+/i;
/** Plural nouns that name a source without a capital: "officials said". */
const GROUP_SOURCE = /^(?:(?:the|some|many|several|local|government|police|health|senior|other|two|three)\s+)*(officials|police|experts|authorities|sources|analysts|critics|residents|observers|prosecutors|investigators|witnesses|doctors|lawmakers|organizers|organisers|officers|scientists|economists|researchers|insiders|aides|diplomats|parents|students|teachers|workers|farmers|citizens|protesters|activists|industry watchers|forecasters)$/i;

/** The source of reported speech in one narration sentence, as written there; null when the
 * sentence reports no nameable source. */
export function reportedSource(sentence: string): string | null {
  return reportedSpeech(sentence)?.source ?? null;
}

/** A sentence that reports speech, and the person or organisation it names as the source; null
 * for the source when it names none (a document, a scrap of the sentence, a number). */
export interface ReportedSpeech {
  source: string | null;
}

/** Phrases that report what was said without saying who said it. */
const NO_SPEAKER: ReportedSpeech = { source: null };

export function reportedSpeech(sentence: string): ReportedSpeech | null {
  const s = sentence.trim();
  let unnamed = false;
  const according = ACCORDING_TO.exec(s);
  if (according?.[1] !== undefined) {
    // "according to" is signal enough for any noun phrase: "according to port officials".
    const src = cleanSource(according[1], true);
    if (src !== null) return named(src) ?? NO_SPEAKER;
  }
  for (const m of s.matchAll(VERB_AFTER_SOURCE)) {
    const after = s.slice(m.index + m[0].length);
    if (!(m[1] !== undefined ? CONTENT_FOLLOWS : THAT_FOLLOWS).test(after)) continue;
    const before = s.slice(0, m.index);
    const src = sourceBefore(before);
    if (src === null) continue;
    const ok = named(src);
    if (ok) return ok;
    unnamed = true;
  }
  const trailing = TRAILING.exec(s) ?? INVERTED.exec(s);
  if (trailing?.[1] !== undefined) {
    const src = cleanSource(trailing[1]);
    if (src !== null) return named(src) ?? NO_SPEAKER;
  }
  return unnamed ? NO_SPEAKER : null;
}

/** Heads that report without speaking: "a new report said", "said the statement". */
const DOCUMENT = /\b(?:reports?|study|studies|survey|polls?|data|documents?|papers?|articles?|analysis|research|figures|records|estimates?|filings?|memos?|letters?|communiqu[eé]s?|statements?|issues|things|changes|numbers|results|findings|evidence|footage|videos?|images|photos|tests|laws?|bills?|rules|sources close)$/i;
const DOCUMENT_FIRST = /^(?:(?:a|an|the|new|recent|latest|local|media|news|official|some|several|many|unconfirmed|initial|early|other)\s+)*(?:reports?|study|studies|surveys?|polls?|data|documents?|records|estimates|figures|research|analysis)\b/i;
const SENTENCE_OPENERS = /^(?:the|a|an|other|this|these|those|some|many|most|all|several|both|each|in|on|at|for|it|its|but|and|so|then|now|yet)$/i;

/** The source as a speaker, or null when it is no speaker: a document, a number, a scrap of
 * the sentence (long, and no name in it). */
function named(src: string): ReportedSpeech | null {
  const words = src.split(' ');
  if (/^\p{N}/u.test(src) || DOCUMENT.test(src) || DOCUMENT_FIRST.test(src)) return null;
  const proper = words.some((w, i) => /^\p{Lu}/u.test(w) && (i > 0 || !SENTENCE_OPENERS.test(w)));
  if (!proper && words.length > 4) return null;
  return { source: src };
}

/** The subject in front of a speech verb: the text after the last comma ("However, Axios"),
 * or, for an appositive, the name beside its description ("NK News, a news site, said",
 * "India's foreign minister, Jane Roe, said"). */
function sourceBefore(before: string): string | null {
  const parts = before.split(/,\s*/).map((p) => p.trim());
  const last = parts[parts.length - 1] ?? '';
  if (last !== '') return cleanSource(last);
  const inner = parts.slice(0, -1);
  const name = inner[inner.length - 1] ?? '';
  const outer = inner[inner.length - 2] ?? '';
  // An appositive is a name and its description; a name is capitalised past its first word.
  const isName = (p: string) => p.split(' ').some((w, i) => i > 0 && /^\p{Lu}/u.test(w)) || /^\p{Lu}\S*$/u.test(p);
  if (isName(name) || inner.length < 2) return cleanSource(name);
  return cleanSource(outer);
}

function cleanSource(raw: string, anyNounPhrase = false): string | null {
  let src = raw.trim().replace(/\s+/g, ' ');
  while (LEADING_CONJUNCTION.test(src)) src = src.replace(LEADING_CONJUNCTION, '');
  src = src.replace(/^["“'‘(]+|["”'’)]+$/g, '').trim();
  // "President Biden today", "officials on Monday": when is not who.
  src = src.replace(/\s+(?:today|tonight|yesterday|this (?:morning|afternoon|evening|week)|last (?:night|week|month|year)|earlier|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))$/i, '').trim();
  if (src === '') return null;
  const words = src.split(' ');
  if (words.length > 10) return null;
  if (PRONOUN.test(src) || CLAUSE_WORD.test(src) || PRONOUN_ANYWHERE.test(src)) return null;
  if (OPENS_WITH_PREPOSITION.test(src) || ENDS_WITH_FUNCTION_WORD.test(src)) return null;
  if (anyNounPhrase || /^\p{Lu}/u.test(src) || /^\p{N}/u.test(src) || GROUP_SOURCE.test(src)) return src;
  // "online outlet Vox": a description ending in a proper name.
  if (/^\p{Lu}/u.test(words[words.length - 1] ?? '')) return src;
  // "the ministry", "a person operating a gas station": a determiner opens a noun phrase.
  if (/^(the|a|an)\s/i.test(src)) return src;
  return null;
}

export interface SourceName {
  name: string;
  title: string | null;
}

/** "American internet media outlet Axios" is Axios; "President Trump" is Trump, titled
 * President; "The White House" stays as written. */
export function canonicalSourceName(source: string): SourceName {
  const words = source.split(' ');
  // The trailing run of capitalised words (allowing `of`, `and`, `the` inside a name).
  let start = words.length;
  while (start > 0 && /^(\p{Lu}|\p{N}|of$|and$|the$|for$)/u.test(words[start - 1] ?? '')) start--;
  while (start < words.length && /^(of|and|the|for)$/.test(words[start] ?? '')) start++;
  const descriptorBefore = start > 0 && /^\p{Ll}/u.test(words[start - 1] ?? '');
  const core = descriptorBefore && start < words.length ? words.slice(start).join(' ') : source;
  const { name, office } = splitOfficeTitle(core);
  return { name, title: office };
}

/** Who reported speech is credited to: the source the sentence names, or no one. */
export function reportedSpeaker(reported: ReportedSpeech): Speaker {
  if (reported.source === null) return { label: '', name: 'Unnamed source', title: null, anonymous: true };
  const { name, title } = canonicalSourceName(reported.source);
  return { label: reported.source, name, title, anonymous: false };
}
