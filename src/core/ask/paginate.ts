// Pages of answers: Discord shows a page at a time, the JSON output all of them.

export const DEFAULT_PAGE_SIZE = 5;

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
}

/** `page` is 1-based and clamped into range, so "next" past the end shows the last page. */
export function paginate<T>(all: readonly T[], page: number, pageSize: number): Page<T> {
  const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  return { items: all.slice((p - 1) * pageSize, p * pageSize), page: p, pageCount };
}
