/**
 * The articles whose actors fall in one name block of the workspace index (`workspaceIndex.ts`): for
 * each article, the index of its actor there, or their indexes when it has several there (rare: a
 * number rather than a list for each of 2 million actors at 100,000 articles).
 *
 * Additions are appended to two plain lists and put into the article map only when the block is
 * next read (issue 17): reopening 10,000 articles from the index cache spent about a third of adding
 * their summaries on `Map.set` into the blocks of a few large names (Trump's block holds 7,000
 * articles, 70,000 at 100,000), for the hover of one open article that reads one group of blocks.
 * A block nobody asks for during the load is never put in a map then; one that is read pays the same
 * `Map.set` calls as before, once. What a block answers is the same either way.
 */
export class NameBlock {
  private readonly indexes = new Map<string, number | number[]>();
  /** Articles added since the block was last read, in order, with their actors' indexes ({@link settle}). */
  private addedUris: string[] = [];
  private addedIndexes: number[] = [];

  /**
   * Adds the actor at `index` of the article at `uri`. An article's actors in this block are added
   * together, in index order, and only while the block does not hold the article (the index deletes
   * an article from its blocks before adding its new actors).
   */
  add(uri: string, index: number): void {
    this.addedUris.push(uri);
    this.addedIndexes.push(index);
  }

  /** The actor indexes of the article at `uri` in this block, if any. */
  get(uri: string): number | readonly number[] | undefined {
    this.settle();
    return this.indexes.get(uri);
  }

  /** Forgets the article at `uri`. */
  delete(uri: string): void {
    this.settle();
    this.indexes.delete(uri);
  }

  /** How many articles have actors in this block. */
  get size(): number {
    this.settle();
    return this.indexes.size;
  }

  /** Each article with its actors' indexes in this block. */
  entries(): IterableIterator<[string, number | readonly number[]]> {
    this.settle();
    return this.indexes.entries();
  }

  /** Each article's actor indexes in this block. */
  values(): IterableIterator<number | readonly number[]> {
    this.settle();
    return this.indexes.values();
  }

  /** Puts the articles added since the last read into the map. */
  private settle(): void {
    const uris = this.addedUris;
    if (uris.length === 0) return;
    const added = this.addedIndexes;
    for (let i = 0; i < uris.length; i++) {
      const uri = uris[i];
      // The article is new to the map unless its previous actor here came just before ({@link add}).
      const known = i > 0 && uris[i - 1] === uri ? this.indexes.get(uri) : undefined;
      if (known === undefined) this.indexes.set(uri, added[i]);
      else if (typeof known === 'number') this.indexes.set(uri, [known, added[i]]);
      else known.push(added[i]);
    }
    this.addedUris = [];
    this.addedIndexes = [];
  }
}
