// The engine worker: owns the live corpus (opened from its snapshot), its watcher, and every
// question, upload and reload, so the bot's own thread only talks to Discord. Started by
// WorkerEngine through engineWorker.mjs.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { openCorpus } from '../openCorpus.ts';
import { watchCorpus, type CorpusWatcher } from '../watchCorpus.ts';
import { LocalEngine } from './LocalEngine.ts';
import { sendable, type Request, type RequestMessage, type WorkerMessage, type WorkerStart } from './protocol.ts';

const port: MessagePort = parentPort ?? notAWorker();
const start = workerData as WorkerStart;
const post = (m: WorkerMessage) => port.postMessage(m);

async function main(): Promise<void> {
  let opened;
  try {
    opened = await openCorpus(start.corpusDir, { dataDir: start.dataDir });
  } catch (err) {
    post({ type: 'failed', error: sendable(err) });
    return;
  }
  const live = opened.live;
  const engine = LocalEngine.ofLive(live, start.hold ? { hold: start.hold } : {});
  const figures = () => post({ type: 'figures', figures: engine.figures() });
  const watcher: CorpusWatcher = watchCorpus(live, {
    ...(start.debounceMs !== undefined ? { debounceMs: start.debounceMs } : {}),
    onSync: (r) => {
      post({ type: 'synced', reread: r.reread, removed: r.removed, passages: live.index.passageCount, aliasProblems: aliasProblems() });
      figures();
    },
    onError: (err) => post({ type: 'problem', event: 'corpus_watch_failed', error: sendable(err) }),
  });
  // A broken alias list renames speakers in every answer: said at start and on each change.
  const aliasProblems = () => live.aliasIssues.filter((i) => i.severity === 'error').map((i) => i.message);
  post({ type: 'loaded', dir: opened.dir, files: opened.files, passages: opened.index.passageCount, issues: opened.issues.length, ms: opened.ms, load: opened.load, figures: engine.figures(), aliasProblems: aliasProblems() });

  const answer = async (r: Request): Promise<unknown> => {
    switch (r.op) {
      case 'run':
        return engine.run(r.inv, new Date(r.now), r.pageSize);
      case 'suggestSpeakers':
        return engine.suggestSpeakers(r.typed, r.limit);
      case 'programs':
        return engine.programs();
      case 'stats':
        return engine.stats();
      case 'reload': {
        const done = await engine.reload();
        figures();
        return done;
      }
      case 'ingest': {
        const done = await engine.ingest(r.name, r.bytes);
        figures();
        return done;
      }
      case 'close':
        await watcher.close();
        return null;
    }
  };

  port.on('message', (m: RequestMessage) => {
    answer(m).then(
      (value) => {
        post({ type: 'reply', id: m.id, ok: true, value });
        if (m.op === 'close') port.close();
      },
      (err: unknown) => post({ type: 'reply', id: m.id, ok: false, error: sendable(err) }),
    );
  });
}

void main();

function notAWorker(): never {
  throw new Error('engineWorker.ts runs only as a worker thread');
}
