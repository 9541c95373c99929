// Every format Soundbite reads; parseTranscript picks the one whose sniff is surest.
import { bracketedParser } from './broadcast/parseBracketedScript.ts';
import { soundbiteParser } from './broadcast/parseSoundbiteScript.ts';
import { speakerLineParser } from './broadcast/parseSpeakerLineScript.ts';
import { briefingParser } from './briefing/parseBriefing.ts';
import type { FormatParser } from './parser.ts';

export const formatParsers: FormatParser[] = [speakerLineParser, bracketedParser, soundbiteParser, briefingParser];
