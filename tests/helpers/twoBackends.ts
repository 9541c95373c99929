// One corpus folder behind both backends: opened in memory as the terminal opens it, and
// imported into a database of its own on a real PostgreSQL, for tests that compare answers.
import { LocalEngine } from '../../src/app/engine/LocalEngine.ts';
import { Database } from '../../src/app/postgres/database.ts';
import { importFolder } from '../../src/app/postgres/importFolder.ts';
import { PostgresEngine } from '../../src/app/postgres/PostgresEngine.ts';
import type { CorpusIndex } from '../../src/core/search/CorpusIndex.ts';
import { openTestCorpus } from './indexFiles.ts';
import type { PgServer } from './pgServer.ts';

export interface TwoBackends {
  memory: LocalEngine;
  /** The in-memory index behind `memory`, for what a test checks of the corpus itself. */
  index: CorpusIndex;
  engine: PostgresEngine;
  close(): Promise<void>;
}

export async function openBoth(server: PgServer, dir: string, name: string): Promise<TwoBackends> {
  const db = await Database.open({ url: await server.createDatabase(name) });
  await importFolder(db, dir);
  const engine = await PostgresEngine.open(db, dir);
  const { live } = await openTestCorpus(dir);
  return {
    memory: LocalEngine.ofLive(live),
    index: live.index,
    engine,
    async close() {
      await engine.close();
      await db.close();
    },
  };
}
