/**
 * Discord's documented limits on what a bot sends, checked on every body the
 * double receives. Real Discord rejects a body over a limit with 400 and an
 * "Invalid Form Body" error (code 50035); the double does the same so a bot
 * that breaks a limit fails visibly in tests instead of only in production.
 *
 * One rule is newsroom policy rather than a Discord limit: a message with
 * content must carry `allowed_mentions`, because quoted transcripts contain
 * `@everyone` and user mentions. It is recorded with `kind: 'policy'`, and
 * Discord would accept it, so it does not cause a 400 unless the double was
 * started with `rejectPolicyViolations`.
 */

export type PathSegment = string | number;

export interface LimitViolation {
  /** `'discord'`: real Discord would answer 400. `'policy'`: Soundbite's own rule. */
  kind: 'discord' | 'policy';
  /** Where in the JSON body, e.g. `['data', 'embeds', 0, 'title']`. */
  path: PathSegment[];
  /** Discord's error code string, e.g. `BASE_TYPE_MAX_LENGTH`. */
  code: string;
  message: string;
  /** Filled in by the double: which request carried the body. */
  requestSeq?: number;
  route?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Discord counts Unicode code points, not UTF-16 units: an emoji counts once. */
function len(s: string): number {
  return [...s].length;
}

class Checker {
  readonly violations: LimitViolation[] = [];

  maxLength(value: unknown, max: number, path: PathSegment[]): number {
    const s = str(value);
    if (s === undefined) return 0;
    const n = len(s);
    if (n > max) {
      this.violations.push({
        kind: 'discord',
        path,
        code: 'BASE_TYPE_MAX_LENGTH',
        message: `Must be ${max} or fewer in length.`,
      });
    }
    return n;
  }

  maxItems(value: unknown, max: number, path: PathSegment[]): unknown[] {
    if (!Array.isArray(value)) return [];
    if (value.length > max) {
      this.violations.push({
        kind: 'discord',
        path,
        code: 'BASE_TYPE_MAX_LENGTH',
        message: `Must be ${max} or fewer in length.`,
      });
    }
    return value;
  }

  add(v: LimitViolation): void {
    this.violations.push(v);
  }
}

const IS_COMPONENTS_V2 = 1 << 15;

function checkComponents(c: Checker, components: unknown, path: PathSegment[], flags: number): void {
  if (!Array.isArray(components)) return;
  if ((flags & IS_COMPONENTS_V2) !== 0) {
    // Components v2 replaces the 5x5 grid with a total of 40 components.
    let total = 0;
    const walk = (node: unknown, p: PathSegment[]): void => {
      if (!isRecord(node)) return;
      total += 1;
      c.maxLength(node.custom_id, 100, [...p, 'custom_id']);
      for (const key of ['components', 'items'] as const) {
        const children = node[key];
        if (Array.isArray(children)) children.forEach((child, i) => walk(child, [...p, key, i]));
      }
      if (isRecord(node.accessory)) walk(node.accessory, [...p, 'accessory']);
    };
    components.forEach((node, i) => walk(node, [...path, i]));
    if (total > 40) {
      c.add({ kind: 'discord', path, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 40 or fewer in length.' });
    }
    return;
  }
  c.maxItems(components, 5, path);
  components.forEach((row, i) => {
    if (!isRecord(row)) return;
    const rowPath = [...path, i, 'components'];
    const children = c.maxItems(row.components, 5, rowPath);
    children.forEach((child, j) => {
      if (!isRecord(child)) return;
      c.maxLength(child.custom_id, 100, [...rowPath, j, 'custom_id']);
      c.maxLength(child.label, 80, [...rowPath, j, 'label']);
      c.maxLength(child.placeholder, 150, [...rowPath, j, 'placeholder']);
      const options = c.maxItems(child.options, 25, [...rowPath, j, 'options']);
      options.forEach((opt, k) => {
        if (!isRecord(opt)) return;
        c.maxLength(opt.label, 100, [...rowPath, j, 'options', k, 'label']);
        c.maxLength(opt.value, 100, [...rowPath, j, 'options', k, 'value']);
        c.maxLength(opt.description, 100, [...rowPath, j, 'options', k, 'description']);
      });
    });
  });
}

function checkEmbeds(c: Checker, embeds: unknown, path: PathSegment[]): void {
  const list = c.maxItems(embeds, 10, path);
  let total = 0;
  list.forEach((embed, i) => {
    if (!isRecord(embed)) return;
    const p = [...path, i];
    total += c.maxLength(embed.title, 256, [...p, 'title']);
    total += c.maxLength(embed.description, 4096, [...p, 'description']);
    if (isRecord(embed.footer)) total += c.maxLength(embed.footer.text, 2048, [...p, 'footer', 'text']);
    if (isRecord(embed.author)) total += c.maxLength(embed.author.name, 256, [...p, 'author', 'name']);
    const fields = c.maxItems(embed.fields, 25, [...p, 'fields']);
    fields.forEach((field, j) => {
      if (!isRecord(field)) return;
      total += c.maxLength(field.name, 256, [...p, 'fields', j, 'name']);
      total += c.maxLength(field.value, 1024, [...p, 'fields', j, 'value']);
    });
  });
  if (total > 6000) {
    c.add({
      kind: 'discord',
      path,
      code: 'MAX_EMBED_SIZE_EXCEEDED',
      message: `Embed size exceeds maximum size of 6000 (${total}).`,
    });
  }
}

export interface MessageCheckOptions {
  /** A create (not an edit) must not be empty: content, embeds, components, files or a sticker. */
  isCreate: boolean;
  /** Files arrived in the multipart body; they count as content for the emptiness rule. */
  fileCount?: number;
}

/** Check a message body (create or edit). `base` prefixes paths, e.g. `['data']` inside an interaction callback. */
export function checkMessageBody(body: unknown, base: PathSegment[], opts: MessageCheckOptions): LimitViolation[] {
  const c = new Checker();
  if (!isRecord(body)) return c.violations;
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  const content = str(body.content);
  c.maxLength(content, 2000, [...base, 'content']);
  checkEmbeds(c, body.embeds, [...base, 'embeds']);
  checkComponents(c, body.components, [...base, 'components'], flags);
  c.maxLength(body.thread_name, 100, [...base, 'thread_name']);
  if (opts.isCreate) {
    const hasEmbeds = Array.isArray(body.embeds) && body.embeds.length > 0;
    const hasComponents = Array.isArray(body.components) && body.components.length > 0;
    const hasStickers = Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0;
    const hasPoll = isRecord(body.poll);
    if (!content && !hasEmbeds && !hasComponents && !hasStickers && !hasPoll && (opts.fileCount ?? 0) === 0) {
      c.add({ kind: 'discord', path: base, code: 'EMPTY_MESSAGE', message: 'Cannot send an empty message' });
    }
  }
  if (content !== undefined && content.length > 0 && !('allowed_mentions' in body)) {
    c.add({
      kind: 'policy',
      path: [...base, 'allowed_mentions'],
      code: 'ALLOWED_MENTIONS_MISSING',
      message: 'Message with content sent without allowed_mentions: quoted @everyone or mentions would ping.',
    });
  }
  return c.violations;
}

/** Autocomplete result (callback type 8): at most 25 choices, name and value at most 100. */
export function checkAutocomplete(data: unknown, base: PathSegment[]): LimitViolation[] {
  const c = new Checker();
  if (!isRecord(data)) return c.violations;
  const choices = c.maxItems(data.choices, 25, [...base, 'choices']);
  choices.forEach((choice, i) => {
    if (!isRecord(choice)) return;
    c.maxLength(choice.name, 100, [...base, 'choices', i, 'name']);
    c.maxLength(choice.value, 100, [...base, 'choices', i, 'value']);
  });
  return c.violations;
}

/** Modal (callback type 9): title 45, custom_id 100, 1 to 5 rows. */
export function checkModal(data: unknown, base: PathSegment[]): LimitViolation[] {
  const c = new Checker();
  if (!isRecord(data)) return c.violations;
  c.maxLength(data.title, 45, [...base, 'title']);
  c.maxLength(data.custom_id, 100, [...base, 'custom_id']);
  checkComponents(c, data.components, [...base, 'components'], 0);
  return c.violations;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Application command definitions: names, descriptions, option counts and choices. */
export function checkCommands(commands: unknown): LimitViolation[] {
  const c = new Checker();
  if (!Array.isArray(commands)) return c.violations;
  c.maxItems(commands, 100, []);
  const checkOptions = (options: unknown, path: PathSegment[]): void => {
    const list = c.maxItems(options, 25, path);
    list.forEach((opt, i) => {
      if (!isRecord(opt)) return;
      const p = [...path, i];
      checkName(opt.name, [...p, 'name']);
      c.maxLength(opt.description, 100, [...p, 'description']);
      const choices = c.maxItems(opt.choices, 25, [...p, 'choices']);
      choices.forEach((ch, k) => {
        if (!isRecord(ch)) return;
        c.maxLength(ch.name, 100, [...p, 'choices', k, 'name']);
        c.maxLength(ch.value, 100, [...p, 'choices', k, 'value']);
      });
      checkOptions(opt.options, [...p, 'options']);
    });
  };
  const checkName = (name: unknown, path: PathSegment[], chatInput = true): void => {
    const s = str(name) ?? '';
    const ok = chatInput ? COMMAND_NAME.test(s) && s === s.toLowerCase() : len(s) >= 1 && len(s) <= 32;
    if (!ok) c.add({ kind: 'discord', path, code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Invalid command name' });
  };
  commands.forEach((cmd, i) => {
    if (!isRecord(cmd)) return;
    const chatInput = cmd.type === undefined || cmd.type === 1;
    checkName(cmd.name, [i, 'name'], chatInput);
    c.maxLength(cmd.description, 100, [i, 'description']);
    checkOptions(cmd.options, [i, 'options']);
  });
  return c.violations;
}

/**
 * Discord's nested error tree for a 400 "Invalid Form Body":
 * `{ data: { embeds: { 0: { title: { _errors: [{ code, message }] } } } } }`.
 * discord.js flattens it into `data.embeds[0].title[BASE_TYPE_MAX_LENGTH]: ...`.
 */
export function formBodyError(violations: LimitViolation[]): { code: number; message: string; errors?: Record<string, unknown> } {
  // An empty message is not a form error on Discord but its own JSON error code.
  if (violations.some((v) => v.code === 'EMPTY_MESSAGE')) return { code: 50006, message: 'Cannot send an empty message' };
  const errors: Record<string, unknown> = {};
  for (const v of violations) {
    let node = errors;
    for (const seg of v.path) {
      const key = String(seg);
      const next = node[key];
      if (isRecord(next)) {
        node = next;
      } else {
        const created: Record<string, unknown> = {};
        node[key] = created;
        node = created;
      }
    }
    const list = Array.isArray(node._errors) ? node._errors : [];
    list.push({ code: v.code, message: v.message });
    node._errors = list;
  }
  return { code: 50035, message: 'Invalid Form Body', errors };
}
