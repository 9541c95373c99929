// The engine over PostgreSQL: questions are answered by the core from the database (askDatabase),
// on a replica when there is one; uploads are checked and written in one transaction; /reload
// imports the corpus folder again. Several processes, on one machine or many, share the archive:
// each hears of the others' writes (LISTEN/NOTIFY) and reads the archive's version at every
// question, so a change is in every process's answers as soon as it commits.
import type { Outcome, SpeakerSummary } from '../../core/ask/answer.ts';
import type { Invocation } from '../../core/ask/commands.ts';
import type { CorpusStats } from '../../core/ask/corpusStats.ts';
import type { ParseIssue } from '../../core/model.ts';
import { decodeText } from '../../core/parse/decodeText.ts';
import { parseTranscript } from '../../core/parse/parseTranscript.ts';
import { suggestSpeakers } from '../../core/search/speakerDirectory.ts';
import type { CorpusFigures, Engine } from '../engine/Engine.ts';
import { hashBytes } from '../fingerprint.ts';
import { checkUpload, safeFileName, summarise, type IngestResult } from '../ingest.ts';
import type { SyncResult } from '../liveCorpus.ts';
import { readAliases } from '../readAliases.ts';
import { appLexicon } from '../wordNet.ts';
import { writeFiles } from './archiveWriter.ts';
import { askInSnapshot, inSnapshot, readState, type ArchiveState } from './askDatabase.ts';
import type { Database } from './database.ts';
import { importFolder } from './importFolder.ts';
import { QuestionView } from './questionView.ts';

/** Uploads live under this folder name in the archive (they are in no corpus folder). */
export const UPLOADS = 'uploads';

export class PostgresEngine implements Engine {
  readonly live = true;
  private state: ArchiveState | null = null;
  private current: CorpusFigures = { passages: 0, files: 0 };
  private readonly stopListening: () => void;

  private constructor(readonly db: Database, private readonly corpusDir: string | null) {
    // Another process wrote: the next question reads the totals again (the version says so anyway).
    this.stopListening = db.onChanged(() => void this.refresh().catch(() => undefined));
  }

  static async open(db: Database, corpusDir: string | null): Promise<PostgresEngine> {
    const engine = new PostgresEngine(db, corpusDir);
    await engine.refresh();
    return engine;
  }

  figures(): CorpusFigures {
    return this.current;
  }

  /** Reads the totals and the speaker directory again (after a write this process made). */
  async refresh(): Promise<ArchiveState> {
    const state = await inSnapshot(this.db.primary, (c) => readState(c, this.state));
    this.keep(state);
    return state;
  }

  private keep(state: ArchiveState): void {
    if (!this.state || state.totals.version >= this.state.totals.version) {
      this.state = state;
      this.current = { passages: state.totals.passages, files: state.totals.files };
    }
  }

  async run(inv: Invocation, now: Date, pageSize?: number): Promise<Outcome> {
    const { outcome, state } = await askInSnapshot(this.db.reader(), this.state, appLexicon, inv, now, pageSize);
    this.keep(state);
    return outcome;
  }

  async suggestSpeakers(typed: string, limit: number): Promise<SpeakerSummary[]> {
    const state = this.state ?? (await this.refresh());
    return suggestSpeakers(new QuestionView(appLexicon, state.totals, () => state.directory, () => state.programmes), typed, limit);
  }

  async programs(): Promise<Array<[string, number]>> {
    const rows = await this.db.reader().query<{ program: string; n: string }>(
      `SELECT meta->>'program' AS program, count(*) AS n FROM sb_file WHERE format IS NOT NULL AND meta->>'program' IS NOT NULL GROUP BY 1`);
    return rows.rows.map((r) => [r.program, Number(r.n)]);
  }

  async stats(): Promise<CorpusStats> {
    return inSnapshot(this.db.reader(), async (c) => {
      const f = (await c.query<{ files: string; indexed: string; first: string | null; last: string | null }>(
        `SELECT count(*) AS files, count(*) FILTER (WHERE format IS NOT NULL) AS indexed,
           min(meta->>'aired' COLLATE "C") FILTER (WHERE format IS NOT NULL) AS first, max(meta->>'aired' COLLATE "C") FILTER (WHERE format IS NOT NULL) AS last FROM sb_file`)).rows[0]!;
      const p = (await c.query<{ passages: string }>('SELECT passages FROM sb_stats')).rows[0]!;
      const people = (await c.query<{ n: string }>(`SELECT count(DISTINCT speaker_name) AS n FROM sb_passage WHERE kind = 'quote' AND NOT anonymous`)).rows[0]!;
      const issues = (await c.query<{ issue: ParseIssue }>(`SELECT jsonb_array_elements(issues) AS issue FROM sb_file`)).rows.map((r) => r.issue);
      const sorted = [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
      return {
        files: Number(f.files), indexedFiles: Number(f.indexed), passages: Number(p.passages), speakers: Number(people.n),
        firstDate: f.first, lastDate: f.last, issues: issues.length, firstIssues: sorted.slice(0, 5),
      };
    });
  }

  /** Imports the corpus folder again, every file read. */
  async reload(): Promise<{ result: SyncResult; stats: CorpusStats }> {
    if (!this.corpusDir) throw new Error('reload needs a corpus folder (SOUNDBITE_CORPUS) to import from');
    const result = await importFolder(this.db, this.corpusDir, { everything: true });
    await this.refresh();
    return { result, stats: await this.stats() };
  }

  /** Checks an upload as ingestBytes does, then writes it into the archive in one transaction. */
  async ingest(uploadName: string, bytes: Uint8Array): Promise<IngestResult> {
    const name = safeFileName(uploadName);
    const early = checkUpload(name, bytes.length);
    if (early) return early;
    if (bytes.length === 0) return { ok: false, code: 'empty', message: `${name} is empty.`, issues: [] };
    const decoded = decodeText(bytes);
    if (!decoded.ok) return { ok: false, code: 'not_text', message: `${name}: ${decoded.reason}`, issues: [] };
    if (decoded.text.includes('\u0000')) return { ok: false, code: 'not_text', message: `${name} contains binary data, not text.`, issues: [] };
    const hash = hashBytes(bytes);
    const same = (await this.db.primary.query<{ file: string }>('SELECT file FROM sb_file WHERE hash = $1 AND size = $2 LIMIT 1', [hash, bytes.length])).rows[0]?.file;
    const target = same ?? (await this.freeName(name));
    const aliasList = this.corpusDir ? (await readAliases(this.corpusDir)).list : undefined;
    const parsed = parseTranscript(target, decoded.text, aliasList ? { aliasList } : {});
    const errors = parsed.issues.filter((i) => i.severity === 'error').map((i) => ({ ...i, file: name }));
    if (parsed.format === null) return { ok: false, code: 'unknown_format', message: `Nothing was added: ${name} is not a transcript Soundbite can read.`, issues: errors };
    if (errors.length > 0) {
      return { ok: false, code: 'has_errors', message: `${name} has ${errors.length} problem${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} and upload it again. Nothing was added.`, issues: errors };
    }
    const summary = summarise({ ...parsed, format: parsed.format });
    if (same) return { ok: true, status: 'duplicate', file: same, summary };
    await writeFiles(this.db.primary, [{ transcript: parsed, fingerprint: { size: bytes.length, mtimeMs: Date.now(), hash }, origin: 'upload' }]);
    await this.refresh();
    return { ok: true, status: 'written', file: target, summary };
  }

  private async freeName(name: string): Promise<string> {
    const taken = new Set((await this.db.primary.query<{ file: string }>('SELECT file FROM sb_file WHERE file LIKE $1', [`${UPLOADS}/%`])).rows.map((r) => r.file));
    const dot = name.indexOf('.');
    for (let n = 1; ; n++) {
      const candidate = `${UPLOADS}/${n === 1 ? name : dot <= 0 ? `${name}-${n}` : `${name.slice(0, dot)}-${n}${name.slice(dot)}`}`;
      if (!taken.has(candidate)) return candidate;
    }
  }

  async close(): Promise<void> {
    this.stopListening();
  }
}
