import { acronymOf } from './aliases';
import { normalizeName } from './names';
import type { EntityType } from './types';

/**
 * The workspace's links between the name blocks of organisations and places (`workspaceIndex.ts`) that articles show
 * to be one: an actor known by spellings of two blocks (`Islamic State` and `ISIS`, joined by the article's `also
 * known as`, `aliasDeclarations.ts`, or by a person who merged them). Linked blocks are clustered together, so that
 * an article writing `ISIS` alone meets one writing `Islamic State` alone; whether their actors then join is still the
 * clustering's decision (`actorClusters.ts`), made on their spellings as within one block.
 *
 * A link counts once {@link MIN_SUPPORT} actors (articles) show it: a link groups every article of both blocks, so
 * one article read wrongly must not make two places one across the workspace. A spelling that is only a shorter form
 * of the name links nothing: its words are among the name's (`the Post` of `The Washington Post`, `PAC` of `Ready for
 * Hillary PAC`), or it abbreviates it (`Calif.` of `California`). Those the clustering joins by spelling within a
 * block or not at all, and as links they would pull every article's `Post` towards one newspaper.
 */
export class AliasLinks {
  /** Block key → linked block key → how many actors show the link. */
  private readonly links = new Map<string, Map<string, number>>();
  /** The blocks each distinct spelling list links, by its actor's block and name: read once (summaries share lists). */
  private readonly keysOf = new WeakMap<readonly string[], Map<string, readonly string[]>>();

  /**
   * The blocks other than `ownKey` (the block of the actor's name) that an organisation's or place's spellings name,
   * each spelling's block as the index keys a name (`blockKeyOf`); none for a person or a single spelling.
   */
  linkedKeys(
    actor: { readonly type: EntityType; readonly name: string; readonly spellings: readonly string[] },
    ownKey: string,
    blockKeyOf: (actor: { readonly type: EntityType; readonly name: string }) => string,
  ): readonly string[] {
    if (actor.type === 'person' || actor.spellings.length < 2) return NONE;
    let byName = this.keysOf.get(actor.spellings);
    if (!byName) this.keysOf.set(actor.spellings, (byName = new Map()));
    // The name is part of the key: whether a spelling is a shorter form depends on it.
    const cacheKey = `${ownKey}\u0000${actor.name}`;
    let keys = byName.get(cacheKey);
    if (keys === undefined) {
      const found: string[] = [];
      for (const spelling of actor.spellings) {
        const key = blockKeyOf({ type: actor.type, name: spelling });
        if (key !== ownKey && !found.includes(key) && !shorterForm(spelling, actor.name)) found.push(key);
      }
      keys = found.length > 0 ? found : NONE;
      byName.set(cacheKey, keys);
    }
    return keys;
  }

  /**
   * Counts the links of one actor in (`change` 1) or out (−1), adding to `toggled` the block keys whose links
   * began or stopped counting: their groups must be made again.
   */
  count(ownKey: string, linked: readonly string[], change: 1 | -1, toggled: Set<string>): void {
    for (const other of linked) {
      if (this.add(ownKey, other, change) | this.add(other, ownKey, change)) {
        toggled.add(ownKey);
        toggled.add(other);
      }
    }
  }

  /** The blocks linked to `key` directly, by links that count. */
  *neighbours(key: string): IterableIterator<string> {
    const from = this.links.get(key);
    if (!from) return;
    for (const [other, count] of from) if (count >= MIN_SUPPORT) yield other;
  }

  /** Adds `change` to the link a → b; 1 when it began or stopped counting (a number, so that both directions are counted). */
  private add(a: string, b: string, change: 1 | -1): number {
    let from = this.links.get(a);
    if (!from) this.links.set(a, (from = new Map()));
    const before = from.get(b) ?? 0;
    const count = before + change;
    if (count > 0) from.set(b, count);
    else {
      from.delete(b);
      if (from.size === 0) this.links.delete(a);
    }
    return (before >= MIN_SUPPORT) !== (count >= MIN_SUPPORT) ? 1 : 0;
  }
}

/** How many actors (articles) must show a link before it groups two blocks across the workspace. */
const MIN_SUPPORT = 2;

const NONE: readonly string[] = Object.freeze([]);

/**
 * True when `spelling` is a shorter form of `name` rather than another name: its words are all among the name's
 * (`the Post`, `PAC`), or, not being an acronym, its letters are some of the name's in order (`Calif.`, `Fla.` of
 * `Florida`, `Va.` of `West Virginia`).
 */
function shorterForm(spelling: string, name: string): boolean {
  const nameWords = normalizeName(name).split(' ');
  const words = normalizeName(spelling).split(' ').filter((w) => w !== 'the');
  if (words.every((w) => nameWords.includes(w))) return true;
  if (acronymOf(spelling) !== undefined) return false;
  const letters = words.join('');
  const full = nameWords.join('');
  if (letters.length === 0) return false;
  let at = 0;
  for (const letter of letters) {
    at = full.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
