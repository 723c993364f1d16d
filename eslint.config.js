// Layer rules (STYLE.md principle 2): each folder may import only what its environment allows.
// The TypeScript projects enforce types per layer; these rules enforce imports.
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import tseslint from 'typescript-eslint';

// What no file of src-main outside the Electron shell imports.
const mainImportPatterns = [
  { group: ['electron'], message: 'Only the Electron shell (src-main/electron) imports electron; the core must run without it.' },
  { group: ['**/src-renderer/**', '**/src-apps/**'], message: 'Main never imports the renderer or the MCP App views.' },
  { group: ['**/electron/**'], message: 'The core never imports the Electron shell.' },
];

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process', 'stream', 'events', 'url', 'util', 'worker_threads', 'readline'];

/** The core's folders, lowest first, each with the folders it may import from. */
const coreLayers = {
  common: [],
  http: ['common'],
  keychain: ['common'],
  tokens: ['common', 'http'],
  domains: ['common', 'http'],
  session: ['common', 'http', 'tokens', 'domains'],
  account: ['common', 'http', 'keychain', 'tokens', 'session'],
};

/** The core's composition root, above its folders. */
const compositionRoot = ['create-core', 'demo-sign-in', 'standalone-sign-in'];

/** The folders of main beside the core. */
const mainFolders = ['app', 'cli', 'demo-api', 'electron', 'mcp', 'serve'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md 8).' }],
    },
  },
  // A switch over a union handles every member (or says why not with a default): a new state, event or
  // code cannot slip through unhandled. Needs type information, so each layer is read with its own project.
  ...[
    { files: ['src-shared/**/*.ts'], project: './tsconfig.shared.json' },
    { files: ['src-main/**/*.ts'], project: './tsconfig.main.json' },
    { files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'], project: './tsconfig.renderer.json' },
    { files: ['src-apps/**/*.ts', 'src-apps/**/*.tsx'], project: './tsconfig.apps.json' },
  ].map(({ files, project }) => ({
    files,
    languageOptions: { parserOptions: { project, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false }] },
  })),
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'zustand'], message: 'src-shared is environment-free: no Node, Electron or DOM libraries.' },
          { group: ['**/src-main/**', '**/src-renderer/**', '../src-main/**', '../src-renderer/**'], message: 'src-shared imports nothing from other layers.' },
        ],
      }],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...nodeBuiltins, 'electron'], message: 'The renderer is DOM only; talk to main through window.nevent.' },
          { group: ['**/src-main/**'], message: 'The renderer never imports src-main.' },
          { group: ['**/src-apps/**'], message: 'The window never imports the MCP App views.' },
        ],
      }],
    },
  },
  {
    // The MCP App views run in an AI client's sandboxed frame and act only through tool calls (docs/mcp-apps.md).
    // They reuse the window's presentational pieces — its words, lib, components and the segment definition
    // and builder — never its state, its bridge to main, or anything that reads them.
    files: ['src-apps/**/*.ts', 'src-apps/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...nodeBuiltins, 'electron'], message: 'A view is DOM only; it acts through tool calls to its host.' },
          { group: ['**/src-main/**'], message: 'A view never imports src-main: it reaches the bridge only through tool calls.' },
          {
            // Two of those pieces read the window's stores: the tenant swatch and the locale provider.
            regex: 'src-renderer/(?!(lib|components|i18n|features/segments)/)|src-renderer/(components/tenant-swatch|i18n/locale-provider)',
            message: "A view reuses only the window's presentational pieces (lib, components, i18n, the segment definition and builder), never its stores or bridge.",
          },
        ],
      }],
    },
  },
  {
    // Words a person reads come from the catalogs (docs/i18n.md): text in JSX — between tags, in the
    // attributes a person reads or hears (aria-label, title, placeholder, alt), or as a string in braces —
    // is a bug. Symbols (▾, ★, ✕, —), URLs and paths shown as examples, and ALL-CAPS codes are not words.
    files: ['src-renderer/**/*.tsx', 'src-apps/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': ['error', {
        mode: 'jsx-only',
        message: 'Text a person reads comes from the catalogs (src-shared/i18n/messages): use t(…) or <Text id=…>.',
        'jsx-attributes': { exclude: [/^(?!(aria-label|aria-description|title|placeholder|alt|label)$)/] },
        words: { exclude: [/^[\p{S}\p{P}\p{Z}\d]*$/u, /^[A-Z_-]+$/, /^(https?:\/\/|\/)\S*$/] },
      }],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: mainImportPatterns }] },
  },
  {
    // The MCP bridge sits below the desktop service, `serve` and the CLI: it imports none of them.
    files: ['src-main/mcp/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...mainImportPatterns, { regex: '^(\\.\\./)+(app|serve|cli)(/|$)', message: 'src-main/mcp imports only the core and src-shared (docs/architecture.md, folders and layers).' }],
      }],
    },
  },
  // The core's layers (docs/architecture.md): each folder of src-main/core imports only from the folders
  // below it, and the core imports nothing of the rest of main. The composition root (create-core.ts and
  // the sign-in helpers beside it) sits above every folder.
  ...Object.entries(coreLayers).map(([layer, below]) => {
    const above = Object.keys(coreLayers).filter((other) => other !== layer && !below.includes(other));
    return {
      files: [`src-main/core/${layer}/**/*.ts`],
      rules: {
        'no-restricted-imports': ['error', {
          patterns: [
            ...mainImportPatterns,
            { group: [...above.map((other) => `../${other}/*`), ...compositionRoot.map((file) => `../${file}`)], message: `core/${layer} imports only from ${below.length === 0 ? 'nothing else in the core' : below.map((b) => `core/${b}`).join(', ')} (docs/architecture.md).` },
            { group: mainFolders.map((folder) => `../../${folder}/*`), message: 'The core imports nothing of the rest of main: the MCP bridge, the app, serve and the CLI import the core.' },
          ],
        }],
      },
    };
  }),
  {
    files: ['src-main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        // Raw IPC only in the typed wrappers (STYLE.md, GitHub Desktop): every channel comes from the contract.
        paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Use the typed wrappers in src-main/electron/ipc-main.ts / ipc-renderer.ts.' }],
        patterns: [{ group: ['**/src-renderer/**'], message: 'Main never imports the renderer.' }],
      }],
      'no-restricted-properties': ['error',
        { object: 'electron', property: 'ipcMain', message: 'Use the typed wrapper in src-main/electron/ipc-main.ts.' },
        { object: 'electron', property: 'ipcRenderer', message: 'Use the typed wrapper in src-main/electron/ipc-renderer.ts.' },
      ],
    },
  },
  {
    files: ['src-main/electron/ipc-main.ts', 'src-main/electron/ipc-renderer.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/src-renderer/**'], message: 'Main never imports the renderer.' }],
      }],
      'no-restricted-properties': 'off',
    },
  },
  {
    files: ['**/*.config.ts', '**/*.config.js', 'scripts/**', 'bin/**'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', __dirname: 'readonly' },
    },
    rules: { 'no-restricted-syntax': 'off' },
  },
);
