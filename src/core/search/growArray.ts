// The index's typed arrays grow as passages arrive; one rule for all of them.

type Growable = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

/** `a` itself when it holds `needed` elements, else a copy at least twice as long (zeros after). */
export function grownTo<A extends Growable>(a: A, needed: number, make: (length: number) => A): A {
  if (needed <= a.length) return a;
  const grown = make(Math.max(needed, a.length * 2));
  grown.set(a);
  return grown;
}
