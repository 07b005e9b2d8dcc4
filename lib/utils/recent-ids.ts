/**
 * A bounded set of ids a worker process handled lately, oldest forgotten first. Processors use it to end a
 * row's own job without a database read when a batch of this process already took the row: a forgotten id
 * costs that read, never a skip.
 */
export function recentIds(limit: number) {
  const ids = new Set<string>();
  return {
    has: (id: string) => ids.has(id),
    add(added: Iterable<string>) {
      for (const id of added) ids.add(id);
      // A Set iterates in insertion order, so the first ids are the oldest.
      for (const id of ids) {
        if (ids.size <= limit) break;
        ids.delete(id);
      }
    },
    delete(removed: Iterable<string>) {
      for (const id of removed) ids.delete(id);
    },
    clear: () => ids.clear(),
  };
}
