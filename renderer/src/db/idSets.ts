// Sets of document ids per collection, persisted in one local document: the changes waiting for
// sync, and the documents the server reported as removed from the user's scope.
import { collectionNames, type CollectionName } from '@domain/collections';
import type { KeyValueStore } from './localStore';

type Listener = () => void;

export class PersistedIdSets {
  private readonly ids = new Map<CollectionName, Set<string>>(collectionNames.map((name) => [name, new Set<string>()]));
  private readonly listeners = new Set<Listener>();
  private saving: Promise<void> = Promise.resolve();
  /** A save queued behind the running one: it has not read the sets yet, so later changes join it. */
  private queued: Promise<void> | undefined;

  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {}

  async load(): Promise<void> {
    const saved = await this.store.get(this.key);
    if (typeof saved !== 'object' || saved === null) return;
    for (const name of collectionNames) {
      const list = (saved as Record<string, unknown>)[name];
      if (!Array.isArray(list)) continue;
      const set = this.setOf(name);
      for (const id of list) if (typeof id === 'string') set.add(id);
    }
    this.emit();
  }

  count(): number {
    let total = 0;
    for (const set of this.ids.values()) total += set.size;
    return total;
  }

  countOf(collection: CollectionName): number {
    return this.setOf(collection).size;
  }

  has(collection: CollectionName, id: string): boolean {
    return this.setOf(collection).has(id);
  }

  idsOf(collection: CollectionName): string[] {
    return [...this.setOf(collection)];
  }

  /** Resolves once the ids are persisted. */
  add(collection: CollectionName, ids: Iterable<string>): Promise<void> {
    const set = this.setOf(collection);
    let changed = false;
    for (const id of ids) {
      changed = changed || !set.has(id);
      set.add(id);
    }
    if (!changed) return this.saving;
    this.emit();
    return this.persist();
  }

  remove(collection: CollectionName, ids: Iterable<string>): Promise<void> {
    const set = this.setOf(collection);
    let changed = false;
    for (const id of ids) changed = set.delete(id) || changed;
    if (!changed) return this.saving;
    this.emit();
    return this.persist();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setOf(collection: CollectionName): Set<string> {
    let set = this.ids.get(collection);
    if (!set) {
      set = new Set();
      this.ids.set(collection, set);
    }
    return set;
  }

  private persist(): Promise<void> {
    // Each save writes the state at the time it runs, so a change made while a save waits for its
    // turn is carried by that save: a burst of changes (a push acknowledged batch by batch) costs
    // one write behind the running one, not one write each.
    if (this.queued) return this.queued;
    const run = this.saving.then(() => {
      this.queued = undefined;
      return this.store.set(this.key, Object.fromEntries([...this.ids].map(([name, set]) => [name, [...set]])));
    });
    this.queued = run;
    this.saving = run.catch(() => undefined);
    return run;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
