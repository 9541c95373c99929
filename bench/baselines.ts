// What Soundbite is measured against, on the same passages and the same fragments:
//  - minisearch used "the obvious way": every fragment word, fuzzy 0.2, prefix, OR; top hit wins;
//  - a linear scan with String.includes over every passage's normalised text (exact only).
import MiniSearch from 'minisearch';
import type { Passage } from '../src/core/model.ts';
import { textKey } from './fragments.ts';

export interface BaselineAnswer {
  /** The top passage's id, or null when the baseline found nothing. */
  id: string | null;
}

export interface Baseline {
  name: string;
  ask(fragment: string): BaselineAnswer;
}

export class ObviousMiniSearch implements Baseline {
  readonly name = 'minisearch (obvious)';
  private readonly ms = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], storeFields: [] });
  constructor(passages: Iterable<Passage>) {
    const batch: { id: string; text: string }[] = [];
    for (const p of passages) {
      batch.push({ id: p.id, text: p.text });
      if (batch.length === 10_000) { this.ms.addAll(batch); batch.length = 0; }
    }
    this.ms.addAll(batch);
  }
  ask(fragment: string): BaselineAnswer {
    const hits = this.ms.search(fragment, { fuzzy: 0.2, prefix: true, combineWith: 'OR' });
    return { id: hits.length > 0 ? String(hits[0]!.id) : null };
  }
}

export class LinearScan implements Baseline {
  readonly name = 'linear scan';
  /** ` word word word ` per passage, so a padded needle matches whole words only. */
  readonly texts: string[] = [];
  private readonly ids: string[] = [];
  constructor(passages: Iterable<Passage>) {
    for (const p of passages) {
      this.texts.push(` ${textKey(p.text)} `);
      this.ids.push(p.id);
    }
  }
  ask(fragment: string): BaselineAnswer {
    const needle = ` ${textKey(fragment)} `;
    for (let i = 0; i < this.texts.length; i++) {
      if (this.texts[i]!.includes(needle)) return { id: this.ids[i]! };
    }
    return { id: null };
  }
}
