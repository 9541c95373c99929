// One cheap look at the top of a file, shared by the three broadcast sniffers: which soundbite
// shapes and which section markers it shows.
import type { SourceLine } from '../sourceText.ts';
import { labelShape } from './readSpeakerLineSoundbite.ts';
import { hasHangul } from './textShape.ts';

/** Sniffers look no further than this. */
const SNIFF_LINES = 80;
/** Each extra soundbite of a shape adds certainty, up to this many. */
const MAX_EVIDENCE = 5;

export interface BroadcastEvidence {
  /** Looks like a broadcast page at all: a ` date` header, section markers or posted time. */
  broadcast: boolean;
  speakerLines: number;
  bracketBites: number;
  taggedBites: number;
  /** `[LEAD]`/`[REPORT]` in capitals: the News Today shape. */
  capitalMarkers: boolean;
  /** `[Anchor]`/`[Report]`. */
  anchorReportMarkers: boolean;
  /** `[Anchor Lead]`/`[Pkg]`. */
  leadPkgMarkers: boolean;
}

export function sniffBroadcast(lines: SourceLine[]): BroadcastEvidence | null {
  if ((lines[0]?.text ?? '').trim() === '---') return null; // YAML front matter: a briefing
  const e: BroadcastEvidence = {
    broadcast: false,
    speakerLines: 0,
    bracketBites: 0,
    taggedBites: 0,
    capitalMarkers: false,
    anchorReportMarkers: false,
    leadPkgMarkers: false,
  };
  for (const line of lines.slice(0, SNIFF_LINES)) {
    const t = line.text.trim();
    if (t === '') continue;
    if (/^date\s+\d{4}-\d{2}-\d{2}/i.test(t) || /입력\s*\d{4}/.test(t)) e.broadcast = true;
    if (/^\[(LEAD|REPORT)\]$/.test(t)) e.capitalMarkers = true;
    if (/^\[(anchor|report)\]$/i.test(t) && !/^\[(LEAD|REPORT)\]$/.test(t)) e.anchorReportMarkers = true;
    if (/^\[(anchor lead|pkg)\]$/i.test(t) || /\[anchor lead\]$/i.test(t)) e.leadPkgMarkers = true;
    if (/^\[\s*soundbite\s*\]/i.test(t)) e.taggedBites++;
    else if (/^\[(?:[^\]]*?:\s*["“]|["“])/.test(t)) e.bracketBites++;
    else if (!hasHangul(t) && labelShape(t) === 'slash') e.speakerLines++;
  }
  e.broadcast ||= e.capitalMarkers || e.anchorReportMarkers || e.leadPkgMarkers;
  return e;
}

/** A score from one shape's evidence: a base for any broadcast page, more for its own markers,
 * most for its own soundbites. */
export function broadcastScore(broadcast: boolean, ownMarkers: boolean, ownBites: number): number {
  if (!broadcast && ownBites === 0) return 0;
  return (broadcast ? 1 : 0) + (ownMarkers ? 2 : 0) + (ownBites > 0 ? 3 + Math.min(ownBites, MAX_EVIDENCE) : 0);
}
