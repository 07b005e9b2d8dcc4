import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// STYLE §1 as a test: who may import what. A violation names the file and the import to remove.
const ROOT = path.resolve(__dirname, '../..');
const RULES: Record<string, { forbidden: string[] }> = {
  lib: { forbidden: ['@/app/', '@/components/', '@/server/', '@/jobs/'] },
  components: { forbidden: ['@/app/', '@/server/', '@/jobs/'] },
  emails: { forbidden: ['@/app/', '@/components/', '@/server/', '@/jobs/'] },
  server: { forbidden: ['@/app/', '@/components/', '@/jobs/'] },
  app: { forbidden: ['@/jobs/', '@/server/db/', '@/server/queue/'] },
};
// Type-only imports of the router type are how the client gets its types; they carry no code.
const ALLOWED = [/^import type .* from '@\/server\/routers\/_app'/];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe('import directions', () => {
  for (const [folder, rule] of Object.entries(RULES)) {
    it(`${folder}/ imports nothing it may not`, () => {
      const violations: string[] = [];
      for (const file of sourceFiles(path.join(ROOT, folder))) {
        const lines = fs.readFileSync(file, 'utf8').split('\n');
        lines.forEach((line, index) => {
          if (!/^\s*(import|export) .* from '/.test(line) || ALLOWED.some((re) => re.test(line))) return;
          const bad = rule.forbidden.find((prefix) => line.includes(`'${prefix}`));
          if (bad) violations.push(`${path.relative(ROOT, file)}:${index + 1} imports ${bad}…`);
        });
      }
      expect(violations).toEqual([]);
    });
  }

  it('routers never import tables and services never import tRPC', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(path.join(ROOT, 'server/routers'))) {
      if (fs.readFileSync(file, 'utf8').includes("from '@/server/db/schema")) violations.push(path.relative(ROOT, file));
    }
    for (const file of sourceFiles(path.join(ROOT, 'server/services'))) {
      if (/from '@trpc\//.test(fs.readFileSync(file, 'utf8'))) violations.push(path.relative(ROOT, file));
    }
    expect(violations).toEqual([]);
  });
});
