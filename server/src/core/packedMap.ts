/**
 * `items.map(fn)` that always makes the same kind of array. V8's `Array.prototype.map` makes a packed
 * array while the function calling it runs unoptimised, and a holey one once the optimising compiler
 * has inlined the call: two hidden classes for one array. Code optimised while it met one kind throws
 * its optimised code away on meeting the other ("wrong map") and is compiled again, polymorphic. Over
 * the CLI's run on PolNeAR train such recompilations were half of the optimising compiler's work, and
 * the tagger's word lists (made by `map`, read by every tagging stage) caused most of the "wrong map"
 * ones. Filled by `push`, an array is packed in every tier.
 */
export function packedMap<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(fn(items[i], i));
  return out;
}
