// Format B, the News 9 script: each soundbite is one bracket, `[Name/Title: "words"]`.
import type { FormatParser } from '../parser.ts';
import { parseBroadcastScript } from './parseBroadcastScript.ts';
import { readBracketedSoundbite } from './readBracketedSoundbite.ts';
import { readTaggedSoundbite } from './readTaggedSoundbite.ts';
import { broadcastScore, sniffBroadcast } from './sniffBroadcast.ts';

export const bracketedParser: FormatParser = {
  format: 'broadcast-bracketed',
  sniff(lines) {
    const e = sniffBroadcast(lines);
    return e === null ? 0 : broadcastScore(e.broadcast, e.anchorReportMarkers, e.bracketBites);
  },
  parse(input) {
    return parseBroadcastScript(input, 'broadcast-bracketed', [readBracketedSoundbite, readTaggedSoundbite]);
  },
};
