// `(Laughter.)`, `(Applause.)`, `(The bill is signed.)`: what the room did, not what anyone
// said. They go, so a remembered quote matches across them.

/** A capitalised parenthetical that ends with a full stop, up to twelve words. */
const DOTTED_NOTE = /\(\s*\p{Lu}[^()]{0,120}?\.\s*\)/gu;
/** The undotted forms the transcribers also use. `(inaudible)` stays: it marks missing
 * words inside a sentence, and dropping it would join words that were never adjacent. */
const BARE_NOTE = /\((?:applause|laughter|laughs|laughter and applause|coughs|clears throat|cross-talk|crosstalk)\)/gi;

export function removeStageNotes(text: string): string {
  return text
    .replace(DOTTED_NOTE, (note) => (note.split(/\s+/).length <= 12 ? ' ' : note))
    .replace(BARE_NOTE, ' ');
}
