// Cheap tests of what a line looks like; the readers combine them into decisions.

/** Ends as a sentence does: `.`, `!`, `?`, `…`, possibly inside closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  return /[.!?…]["'”’)\]]*\s*$/.test(text);
}

/** Any Hangul: Korean page chrome such as `입력 2019.03.14 (15:13)` or `동영상 고정 취소`. */
export function hasHangul(text: string): boolean {
  return /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/.test(text);
}

/** First- or second-person words: what someone's own words sound like, unlike narration. */
export function soundsSpoken(text: string): boolean {
  const person = /(?<![\p{L}'’])(I|I['’](?:m|ve|ll|d)|[Ww]e(?:['’](?:re|ve|ll|d))?|[Oo]urs?|[Mm]y|[Mm]e|us|[Yy]ou(?:rs?|['’](?:re|ve|ll|d))?)(?![\p{L}'’])/u;
  return person.test(text) || /^\s*["“(]/.test(text);
}

/** A page tag such as `Short-Track Team`: a few capitalised words and no punctuation. */
export function looksLikePageTag(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return (
    words.length <= 5 &&
    !/[.!?…,:;"“”]/.test(text) &&
    words.every((w) => /^[\p{Lu}\p{N}&-]/u.test(w))
  );
}

/** Starts mid-sentence: a lower-case word, or a parenthesised aside such as an interviewer's
 * `(Have you learned Korean?)` inside a soundbite. */
export function continuesSentence(text: string): boolean {
  return /^\s*(\p{Ll}|\()/u.test(text);
}
