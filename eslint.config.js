// Lint: mainly the import rules of DESIGN.md §2 — who may import whom. A wrong import fails `npm test`.
import tseslint from 'typescript-eslint';

const electronAny = { group: ['electron', 'electron/*'], message: 'Only electron/ may import Electron.' };
const nodeBuiltins = { group: ['node:*'], message: 'decks/common runs anywhere: no Node built-ins.' };
const toNodeCore = { group: ['**/decks/node/**', '**/node/**', '../node/*', '../../node/*'], message: 'Import only decks/common here, never decks/node.' };
const toElectron = { group: ['**/electron/**'], message: 'The core and the renderer never import the Electron host.' };
const toRenderer = { group: ['**/renderer/**'], message: 'Only the renderer imports the renderer.' };
const nodeOnlyPackages = ['better-sqlite3', 'mammoth', 'chardet', 'playwright-core', 'pptxgenjs', 'fs', 'path', 'os', 'child_process', 'http', 'crypto', 'url'];

const restrict = (patterns, paths = []) => ['error', { patterns, paths }];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.js'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-debugger': 'error',
      eqeqeq: ['error', 'smart'],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['decks/common/**'],
    rules: { 'no-restricted-imports': restrict([nodeBuiltins, toNodeCore, toElectron, toRenderer, electronAny], nodeOnlyPackages) },
  },
  {
    files: ['decks/node/**'],
    rules: { 'no-restricted-imports': restrict([toElectron, toRenderer, electronAny]) },
  },
  {
    files: ['electron/preload/**'],
    rules: { 'no-restricted-imports': restrict([toNodeCore, toRenderer, nodeBuiltins], nodeOnlyPackages) },
  },
  {
    files: ['electron/main/**'],
    rules: { 'no-restricted-imports': restrict([toRenderer]) },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': restrict([toNodeCore, toElectron, electronAny, nodeBuiltins], nodeOnlyPackages),
      // Slide text must never run script: React's escaping is the only way text reaches the DOM.
      'no-restricted-properties': ['error', { property: 'innerHTML' }, { property: 'outerHTML' }, { property: 'insertAdjacentHTML' }],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render raw HTML.' }],
    },
  },
);
