// Format A, the News Today script: `Name / Title (note)` on its own line, then the words.
import type { FormatParser } from '../parser.ts';
import { parseBroadcastScript } from './parseBroadcastScript.ts';
import { readBracketedSoundbite } from './readBracketedSoundbite.ts';
import { readSpeakerLineSoundbite } from './readSpeakerLineSoundbite.ts';
import { readTaggedSoundbite } from './readTaggedSoundbite.ts';
import { broadcastScore, sniffBroadcast } from './sniffBroadcast.ts';

export const speakerLineParser: FormatParser = {
  format: 'broadcast-speaker-line',
  sniff(lines) {
    const e = sniffBroadcast(lines);
    if (e === null) return 0;
    // A speaker line with no broadcast chrome around it is too weak a sign on its own.
    if (!e.broadcast && e.speakerLines < 2) return 0;
    return broadcastScore(e.broadcast, e.capitalMarkers, e.speakerLines);
  },
  parse(input) {
    // Bracketed and tagged soundbites are unambiguous, so an A page that mixes them in keeps them.
    return parseBroadcastScript(input, 'broadcast-speaker-line', [
      readSpeakerLineSoundbite,
      readBracketedSoundbite,
      readTaggedSoundbite,
    ]);
  },
};
