// Lint: type-aware rules, and import zones that keep each runtime's code in its folder (style.md).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const zone = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const folder = (name, message) => ({ group: [`**/${name}/**`, `../${name}/*`, `../../${name}/*`], message });

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', '.tmp', 'coverage', 'test-results', 'playwright-report', '.data'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
  zone(['domain/**'], [
    folder('renderer', 'domain/ is pure: it imports no other part.'),
    folder('server', 'domain/ is pure: it imports no other part.'),
    folder('electron', 'domain/ is pure: it imports no other part.'),
    { group: ['node:*', 'react', 'react-dom', 'rxdb', 'rxdb/*', 'pg', 'fastify'], message: 'domain/ has no I/O and no framework.' },
  ]),
  zone(['renderer/**'], [
    folder('server', 'renderer and server never import each other.'),
    folder('electron', 'the renderer talks to the shell only through DesktopApi.'),
    { group: ['node:*'], message: 'the renderer runs in a browser.' },
  ]),
  zone(['renderer/src/features/**', 'renderer/src/app/**', 'renderer/src/components/**'], [
    folder('server', 'renderer and server never import each other.'),
    folder('electron', 'the renderer talks to the shell only through DesktopApi.'),
    { group: ['rxdb', 'rxdb/*'], message: 'only renderer/src/db imports rxdb: use its hooks and domain types.' },
  ]),
  zone(['server/**'], [folder('renderer', 'renderer and server never import each other.'), folder('electron', 'the server knows no shell.')]),
  zone(['electron/**'], [folder('renderer', 'electron/ is a thin shell: no renderer code.'), folder('server', 'electron/ is a thin shell: no server code.')]),
);
