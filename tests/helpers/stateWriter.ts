// A second process writing to a state store, for the tests of sharing and crashes:
//   node --import tsx tests/helpers/stateWriter.ts DATA_DIR PREFIX COUNT
// writes COUNT thread contexts keyed PREFIX-0, PREFIX-1, … (COUNT 0: until killed), printing
// each key on stdout once the store has acknowledged it.
import { openStateStore } from '../../src/discord/openStateStore.ts';
import { SPACES } from '../../src/discord/stateStore.ts';
import { createLogger } from '../../src/discord/log.ts';

const [dataDir = '', prefix = 'w', countText = '0'] = process.argv.slice(2);
const count = Number(countText);
const store = openStateStore(dataDir, createLogger((l) => process.stderr.write(`${l}\n`)));
for (let i = 0; count === 0 || i < count; i++) {
  const key = `${prefix}-${i}`;
  await store.put(SPACES.threads, key, { command: 'search', query: key, page: 1 });
  process.stdout.write(`${key}\n`);
  // Let the other process in between writes, as two bots answering would.
  if (i % 10 === 0) await new Promise((r) => setImmediate(r));
}
await store.close();
