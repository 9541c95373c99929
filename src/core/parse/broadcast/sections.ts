// Section markers say whose voice the narration is: the anchor's lead or the reporter's package.

export type Voice = 'Anchor' | 'Reporter';

export interface Section {
  /** The marker as written, without brackets: `LEAD`, `Anchor Lead`, `Pkg`. */
  marker: string;
  voice: Voice;
}

const ANCHOR_MARKERS = /^(lead|anchor|anchor lead|anchor ment|anchor comment|closing|anchor closing)$/i;
const REPORTER_MARKERS = /^(report|reporter|pkg|package|reporting)$/i;

/** `[LEAD]`, `[Report]`, `[Anchor Lead]`, `[Pkg]` in any case, alone on a line. */
export function readSectionMarker(text: string): Section | null {
  const m = /^\s*\[\s*([^\]]+?)\s*\]\s*$/.exec(text);
  return m?.[1] === undefined ? null : sectionFromMarker(m[1]);
}

export function sectionFromMarker(marker: string): Section | null {
  if (ANCHOR_MARKERS.test(marker)) return { marker, voice: 'Anchor' };
  if (REPORTER_MARKERS.test(marker)) return { marker, voice: 'Reporter' };
  return null;
}
