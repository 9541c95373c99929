// Format C, the older script: `[Soundbite] Name(Title) : "words"`, several stories a page.
import type { FormatParser } from '../parser.ts';
import { parseBroadcastScript } from './parseBroadcastScript.ts';
import { readBracketedSoundbite } from './readBracketedSoundbite.ts';
import { readTaggedSoundbite } from './readTaggedSoundbite.ts';
import { broadcastScore, sniffBroadcast } from './sniffBroadcast.ts';

export const soundbiteParser: FormatParser = {
  format: 'broadcast-soundbite',
  sniff(lines) {
    const e = sniffBroadcast(lines);
    return e === null ? 0 : broadcastScore(e.broadcast, e.leadPkgMarkers, e.taggedBites);
  },
  parse(input) {
    return parseBroadcastScript(input, 'broadcast-soundbite', [readTaggedSoundbite, readBracketedSoundbite]);
  },
};
