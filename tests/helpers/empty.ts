// Stands in for `server-only` under Vitest: the real package throws when imported outside React Server Components.
export {};
