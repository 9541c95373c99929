// How a file's passages are written in the snapshot: what the file's passages share (path,
// format, programme, headline, air date, url) once, its speakers once, and each passage as a
// row of values rather than an object of keys. A million passages parse about twice as fast
// this way, and loading builds every passage with one shape instead of spreading objects.
import type { Passage, PassageKind, Source, Speaker } from '../core/model.ts';
import type { FileEntry, IndexSnapshot } from '../core/search/CorpusIndex.ts';

const SHARED_KEYS = ['file', 'format', 'program', 'headline', 'aired', 'url'] as const;
type SharedKey = (typeof SHARED_KEYS)[number];
type Shared = Pick<Source, SharedKey>;

/** id, kind, text, speaker (index into the file's speakers), line, section, spoken, note,
 * timecode (0: absent), shared fields this passage has otherwise (0: none). */
type Row = [string, PassageKind, string, number, number, string | null, string | null, string | null, string | null | 0, Partial<Shared> | 0];

export interface PackedFile {
  /** The entry without its passage ids, which the rows give in the same order. */
  entry: Omit<FileEntry, 'passageIds'>;
  shared: Shared | null;
  speakers: Speaker[];
  passages: Row[];
}

export function packFile({ entry, passages }: IndexSnapshot['files'][number]): PackedFile {
  const { passageIds: _ids, ...rest } = entry;
  const first = passages[0]?.source;
  const shared: Shared | null = first ? { file: first.file, format: first.format, program: first.program, headline: first.headline, aired: first.aired, url: first.url } : null;
  const speakers: Speaker[] = [];
  const speakerNo = new Map<string, number>();
  const rows = passages.map((p): Row => {
    const key = speakerKey(p.speaker);
    let no = speakerNo.get(key);
    if (no === undefined) {
      speakerNo.set(key, (no = speakers.length));
      speakers.push(p.speaker);
    }
    const s = p.source;
    const differing: Partial<Shared> = {};
    for (const k of SHARED_KEYS) if (s[k] !== shared![k]) Object.assign(differing, { [k]: s[k] });
    const timecode = s.timecode === undefined ? 0 : s.timecode;
    return [p.id, p.kind, p.text, no, s.line, s.section, s.spoken, s.note, timecode, Object.keys(differing).length > 0 ? differing : 0];
  });
  return { entry: rest, shared, speakers, passages: rows };
}

/** One object per distinct speaker across the whole snapshot: JSON gives every file its own
 * copy, and passages must not each carry one. */
export class SpeakerPool {
  private readonly pool = new Map<string, Speaker>();
  intern(s: Speaker): Speaker {
    const key = speakerKey(s);
    const known = this.pool.get(key);
    if (known) return known;
    this.pool.set(key, s);
    return s;
  }
}

/** The file and its passages as they were packed. Throws a TypeError on a malformed row. */
export function unpackFile(f: PackedFile, speakers: SpeakerPool): IndexSnapshot['files'][number] {
  if (typeof f !== 'object' || f === null || !Array.isArray(f.passages) || !Array.isArray(f.speakers)) throw new TypeError('a file line is malformed');
  const fileSpeakers = f.speakers.map((s) => speakers.intern(s));
  const shared = f.shared;
  const passages = f.passages.map((row): Passage => {
    if (!Array.isArray(row) || row.length !== 10 || typeof row[0] !== 'string' || typeof row[2] !== 'string' || !shared) throw new TypeError(`a passage of ${f.entry?.file} is malformed`);
    const [id, kind, text, speakerNo, line, section, spoken, note, timecode, differing] = row;
    const speaker = fileSpeakers[speakerNo];
    if (!speaker) throw new TypeError(`a passage of ${f.entry.file} names speaker ${speakerNo}, which the file does not list`);
    const pick = <K extends SharedKey>(k: K): Shared[K] => (differing !== 0 && k in differing ? differing[k]! : shared[k]);
    const source: Source = {
      file: pick('file'), line, format: pick('format'), program: pick('program'), headline: pick('headline'),
      section, aired: pick('aired'), spoken, note, url: pick('url'),
    };
    if (timecode !== 0) source.timecode = timecode;
    return { id, speaker, kind, text, source };
  });
  return { entry: { ...f.entry, passageIds: passages.map((p) => p.id) }, passages };
}

function speakerKey(s: Speaker): string {
  return `${s.name}\u0000${s.label}\u0000${s.title ?? '\u0001'}\u0000${s.anonymous}`;
}
