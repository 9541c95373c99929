// Every format Soundbite reads; parseTranscript picks the one whose sniff is surest.
import { bracketedParser } from './broadcast/parseBracketedScript.ts';
import { soundbiteParser } from './broadcast/parseSoundbiteScript.ts';
import { speakerLineParser } from './broadcast/parseSpeakerLineScript.ts';
import { briefingParser } from './briefing/parseBriefing.ts';
import { cableParser } from './cable/parseCable.ts';
import { generalParser } from './general/parseGeneral.ts';
import { srtParser } from './captions/parseSrt.ts';
import { webVttParser } from './captions/parseWebVtt.ts';
import type { FormatParser } from './parser.ts';
import { otterParser } from './services/parseOtter.ts';
import { revParser } from './services/parseRev.ts';

export const formatParsers: FormatParser[] = [speakerLineParser, bracketedParser, soundbiteParser, briefingParser,
  otterParser, revParser, webVttParser, srtParser, cableParser, generalParser];
