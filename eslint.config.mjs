// Lint: typescript-eslint strict, React hooks, jsx-a11y, Next's rules, Drizzle's safety rules, and the import
// directions of STYLE §1 as a boundaries rule (it resolves `@/` and relative imports alike, over lines).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import nextPlugin from '@next/eslint-plugin-next';
import drizzle from 'eslint-plugin-drizzle';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';

// Who owns what (STYLE §1). Order matters: the first pattern that matches a file names its element.
const elements = [
  // partialMatch false: a pattern matches from the project root (app/admin/jobs is app, not jobs).
  { type: 'routers', pattern: 'server/routers/**', partialMatch: false },
  { type: 'trpc-server', pattern: 'server/trpc/**', partialMatch: false },
  { type: 'services', pattern: 'server/services/**', partialMatch: false },
  { type: 'db', pattern: 'server/db/**', partialMatch: false },
  { type: 'queue', pattern: 'server/queue/**', partialMatch: false },
  { type: 'auth', pattern: 'server/auth/**', partialMatch: false },
  { type: 'server', pattern: 'server/**', partialMatch: false },
  { type: 'jobs', pattern: 'jobs/**', partialMatch: false },
  // The tRPC endpoint wires the root router into a route handler: the one app file that needs router code.
  { type: 'trpc-endpoint', pattern: 'app/api/trpc/**', partialMatch: false },
  // Route handlers that carry raw bytes (uploads, downloads, exports, inbound mail), which tRPC does not: each
  // resolves its caller (server/auth/resolve-caller.ts) and calls the one service it serves. Every other app file
  // reaches services through the server-side tRPC caller (server/trpc/rsc.tsx).
  {
    type: 'file-endpoint',
    pattern: 'app/api/{attachments,privacy-exports,inbound,widget,guest-requests}/**',
    partialMatch: false,
  },
  { type: 'app', pattern: 'app/**', partialMatch: false },
  { type: 'components', pattern: 'components/**', partialMatch: false },
  { type: 'emails', pattern: 'emails/**', partialMatch: false },
  { type: 'lib', pattern: 'lib/**', partialMatch: false },
];

// Allowed directions; everything else is refused. tests/ and scripts/ are no element and may import anything.
const directions = [
  { from: 'lib', allow: ['lib'] },
  { from: 'lib', allow: ['routers'], importKind: 'type' },
  { from: 'trpc-endpoint', allow: ['routers', 'trpc-server', 'auth', 'server', 'lib'] },
  { from: 'emails', allow: ['emails', 'lib'] },
  { from: 'components', allow: ['components', 'lib'] },
  // The client gets the router's types from the root router: a type-only import carries no code.
  { from: 'components', allow: ['routers'], importKind: 'type' },
  { from: 'file-endpoint', allow: ['auth', 'services', 'server', 'lib'] },
  { from: 'app', allow: ['app', 'components', 'lib', 'emails', 'trpc-server', 'auth', 'server'] },
  { from: 'app', allow: ['routers'], importKind: 'type' },
  { from: 'routers', allow: ['routers', 'trpc-server', 'services', 'auth', 'server', 'lib'] },
  { from: 'trpc-server', allow: ['trpc-server', 'routers', 'services', 'db', 'auth', 'server', 'lib'] },
  { from: 'services', allow: ['services', 'db', 'queue', 'server', 'auth', 'emails', 'lib'] },
  { from: 'auth', allow: ['auth', 'services', 'db', 'queue', 'server', 'emails', 'lib'] },
  { from: 'db', allow: ['db', 'server', 'lib'] },
  { from: 'queue', allow: ['queue', 'db', 'server', 'lib'] },
  { from: 'server', allow: ['server', 'services', 'db', 'queue', 'auth', 'emails', 'lib'] },
  { from: 'jobs', allow: ['jobs', 'services', 'db', 'queue', 'server', 'auth', 'emails', 'lib'] },
];

function toPolicy({ from, allow, importKind }) {
  const to = { element: { types: { anyOf: allow } } };
  return {
    from: { element: { type: from } },
    allow: [importKind ? { to, dependency: { kind: importKind } } : { to }],
  };
}

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      '.scratch/**',
      'drizzle/**',
      'public/widget.js',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, '@next/next': nextPlugin, drizzle, boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['app/**', 'components/**', 'lib/**', 'server/**', 'jobs/**', 'emails/**'],
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The React Compiler's advice rules warn: the code predates them, and each fix is a UI change to test.
      'react-hooks/set-state-in-effect': 'warn',
      'react-hooks/purity': 'warn',
      'react-hooks/refs': 'warn',
      'react-hooks/immutability': 'warn',
      // With noUncheckedIndexedAccess, `rows[0]!` after a length check is the idiom, not a smell.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Control characters are matched on purpose: to refuse them in headers, file names and input.
      'no-control-regex': 'off',
      ...jsxA11y.flatConfigs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      // Drizzle: an update or delete without a where clause is a bug in a multi-tenant table.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'boundaries/dependencies': ['error', { default: 'disallow', policies: directions.map(toPolicy) }],
      // Routers never import tables; services never import tRPC (STYLE §1).
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    files: ['server/routers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/server/db/schema*', '**/db/schema*'],
              message: 'Routers never import tables: call a service.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@trpc/*'], message: 'Services never import tRPC: throw AppError.' }] },
      ],
    },
  },
  prettier,
  // Prettier turns max-len off; keep the 120-column limit for what Prettier cannot wrap (comments).
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
    },
  },
);
