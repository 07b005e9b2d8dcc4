import { z } from 'zod';

/**
 * Postgres text and jsonb cannot hold U+0000, so a NUL anywhere in an input used to reach the database and
 * fail there as a 500. Every procedure's raw input passes this one schema first (server/trpc/init.ts),
 * which names the field to fix; per-field schemas then stay about their own rules.
 */
const MAX_DEPTH = 20;

function findNulBytes(value: unknown, path: PropertyKey[], found: PropertyKey[][], depth: number) {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
    return;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) found.push([...path, key]);
    else findNulBytes(item, [...path, key], found, depth + 1);
  }
}

export const withoutNulBytes = z.unknown().superRefine((value, ctx) => {
  const found: PropertyKey[][] = [];
  findNulBytes(value, [], found, 0);
  for (const path of found) {
    ctx.addIssue({ code: 'custom', path, message: 'Remove the NUL character (\\u0000): text cannot contain it.' });
  }
});
