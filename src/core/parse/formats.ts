// Every format Soundbite reads; parseTranscript asks each one how sure it is.
import type { FormatParser } from './parser.ts';

export const formatParsers: FormatParser[] = [];
