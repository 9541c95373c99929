// Saved indexes remember which parsers built them. Bump this whenever a change to parsing
// (any format, speaker names, dates, aliases) would turn the same file into other passages,
// so that snapshots built by the old code are rebuilt instead of trusted.
export const PARSER_VERSION = 4;
