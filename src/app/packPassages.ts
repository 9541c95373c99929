// How passages are written in the snapshot: one table of every speaker, then per file what its
// passages share (path, format, programme, headline, air date, url) once, and each passage as a
// row of values rather than an object of keys. A million passages parse about twice as fast this
// way; loading builds every passage with one shape, and every passage of a speaker shares one
// speaker object. Texts in Latin-1 (nearly all) are kept out of the rows, in a text section of
// large chunks: each loaded text is a slice of its chunk, so neither JSON.parse nor the garbage
// collector's copying of young objects has to pass over the archive's characters.
import type { Passage, PassageKind, Source, Speaker } from '../core/model.ts';
import type { FileEntry, IndexSnapshot } from '../core/search/CorpusIndex.ts';

type Shared = Pick<Source, 'file' | 'format' | 'program' | 'headline' | 'aired' | 'url'>;

/** id, kind, text (its length in the text section, or itself if it is not Latin-1), speaker
 * (index into the speaker table), line, section, spoken, note, timecode (0: absent), shared
 * fields this passage has otherwise (0: none). */
type Row = [string, PassageKind, string | number, number, number, string | null, string | null, string | null, string | null | 0, Partial<Shared> | 0];

export interface PackedFile {
  /** The entry without its passage ids, which the rows give in the same order. */
  entry: Omit<FileEntry, 'passageIds'>;
  shared: Shared | null;
  passages: Row[];
}

/** Every distinct speaker of the snapshot, numbered in order of first appearance. */
export class SpeakerTable {
  readonly speakers: Speaker[] = [];
  private readonly numbers = new Map<string, number>();

  numberOf(s: Speaker): number {
    const key = `${s.name}\u0000${s.label}\u0000${s.title ?? '\u0001'}\u0000${s.anonymous}`;
    let n = this.numbers.get(key);
    if (n === undefined) {
      this.numbers.set(key, (n = this.speakers.length));
      this.speakers.push(s);
    }
    return n;
  }
}

// Half a million characters: large enough for the collector's large-object space, where nothing
// is moved, and under the megabyte past which Node makes an external string, which counts as
// outside memory and set off a full collection every 50 MB of a load.
const CHUNK_CHARS = 1 << 19;
const LATIN1 = /^[\x00-\xff]*$/;

/** Writing: collects the Latin-1 texts in order, in chunks of whole texts. */
export class TextSection {
  readonly chunks: Buffer[] = [];
  private parts: string[] = [];
  private size = 0;

  /** What the row holds for this text: its length once it is in the section, else itself. */
  place(text: string): string | number {
    if (!LATIN1.test(text)) return text;
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_CHARS) this.flush();
    return text.length;
  }

  finish(): Buffer[] {
    this.flush();
    return this.chunks;
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    this.chunks.push(Buffer.from(this.parts.join(''), 'latin1'));
    this.parts = [];
    this.size = 0;
  }
}

/** Reading: hands out the section's texts in the order they were placed. */
export class TextReader {
  private chunk = '';
  private at = 0;
  private next = 0;

  constructor(private readonly chunkCount: number, private readonly decode: (k: number) => string) {}

  take(length: number): string {
    if (!Number.isSafeInteger(length) || length < 0) throw new TypeError(`a text length of ${length} is malformed`);
    while (this.at === this.chunk.length && this.next < this.chunkCount) {
      this.chunk = this.decode(this.next++);
      this.at = 0;
    }
    if (this.at + length > this.chunk.length) throw new TypeError('a passage text runs past the text section');
    const text = this.chunk.slice(this.at, this.at + length);
    this.at += length;
    return text;
  }

  /** Whether every text was taken: one left over means rows and section disagree. */
  get finished(): boolean {
    return this.at === this.chunk.length && this.next === this.chunkCount;
  }
}

const sharedOf = (s: Source): Shared => ({ file: s.file, format: s.format, program: s.program, headline: s.headline, aired: s.aired, url: s.url });

export function packFile({ entry, passages }: IndexSnapshot['files'][number], speakers: SpeakerTable, texts: TextSection): PackedFile {
  const { passageIds: _ids, ...rest } = entry;
  const shared = passages[0] ? sharedOf(passages[0].source) : null;
  const rows = passages.map((p): Row => {
    const s = p.source;
    const differing: Partial<Shared> = {};
    let differs = false;
    for (const [k, v] of Object.entries(sharedOf(s)) as Array<[keyof Shared, Shared[keyof Shared]]>) {
      if (v !== shared![k]) {
        Object.assign(differing, { [k]: v });
        differs = true;
      }
    }
    const timecode = s.timecode === undefined ? 0 : s.timecode;
    return [p.id, p.kind, texts.place(p.text), speakers.numberOf(p.speaker), s.line, s.section, s.spoken, s.note, timecode, differs ? differing : 0];
  });
  return { entry: rest, shared, passages: rows };
}

/** The file and its passages as they were packed. Throws a TypeError on a malformed row. */
export function unpackFile(f: PackedFile, speakers: readonly Speaker[], texts: TextReader): IndexSnapshot['files'][number] {
  if (typeof f !== 'object' || f === null || !Array.isArray(f.passages) || typeof f.entry?.file !== 'string') throw new TypeError('a file line is malformed');
  const shared = f.shared;
  const passages: Passage[] = [];
  const ids: string[] = [];
  for (const row of f.passages) {
    if (!Array.isArray(row) || row.length !== 10 || typeof row[0] !== 'string' || (typeof row[2] !== 'string' && typeof row[2] !== 'number') || !shared) throw new TypeError(`a passage of ${f.entry.file} is malformed`);
    const [id, kind, placed, speakerNo, line, section, spoken, note, timecode, differing] = row;
    const text = typeof placed === 'number' ? texts.take(placed) : placed;
    const speaker = speakers[speakerNo];
    if (!speaker) throw new TypeError(`a passage of ${f.entry.file} names speaker ${speakerNo}, which the table does not hold`);
    // Written out rather than spread: one object shape for every source, and no closure per row.
    const source: Source = differing === 0
      ? { file: shared.file, line, format: shared.format, program: shared.program, headline: shared.headline, section, aired: shared.aired, spoken, note, url: shared.url }
      : {
          file: 'file' in differing ? differing.file! : shared.file,
          line,
          format: 'format' in differing ? differing.format! : shared.format,
          program: 'program' in differing ? differing.program! : shared.program,
          headline: 'headline' in differing ? differing.headline! : shared.headline,
          section,
          aired: 'aired' in differing ? differing.aired! : shared.aired,
          spoken,
          note,
          url: 'url' in differing ? differing.url! : shared.url,
        };
    if (timecode !== 0) source.timecode = timecode;
    passages.push({ id, speaker, kind, text, source });
    ids.push(id);
  }
  return { entry: { ...f.entry, passageIds: ids }, passages };
}
