// Narration that reports someone's words ("The White House said that …") is attributed to that
// source as reported speech, never as a quote. Conservative: when unsure, it stays narration.
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
  const s = sentence.trim();
  const according = ACCORDING_TO.exec(s);
  if (according?.[1] !== undefined) {
    // "according to" is signal enough for any noun phrase: "according to port officials".
    const src = cleanSource(according[1], true);
    if (src !== null) return src;
  }
  for (const m of s.matchAll(VERB_AFTER_SOURCE)) {
    const after = s.slice(m.index + m[0].length);
    if (!(m[1] !== undefined ? CONTENT_FOLLOWS : THAT_FOLLOWS).test(after)) continue;
    const before = s.slice(0, m.index);
    const src = sourceBefore(before);
    if (src !== null) return src;
  }
  const trailing = TRAILING.exec(s) ?? INVERTED.exec(s);
  if (trailing?.[1] !== undefined) return cleanSource(trailing[1]);
  return null;
}

/** The subject in front of a speech verb: the text after the last comma ("However, Axios"),
 * or, for an appositive ("NK News, a news site, said"), the text before the first. */
function sourceBefore(before: string): string | null {
  const parts = before.split(/,\s*/);
  const last = parts[parts.length - 1] ?? '';
  const candidate = last.trim() !== '' ? last : (parts[0] ?? '');
  return cleanSource(candidate);
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
