import { defineConfig, type Options } from 'tsup';

/**
 * The one tsup configuration every package shares: ESM with `.d.ts`, one entry per public
 * export. A package's own `tsup.config.ts` is `export default newsloomTsup()`.
 */
export function newsloomTsup(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'node20',
    dts: { compilerOptions: { customConditions: [] } },
    sourcemap: true,
    clean: true,
    treeshake: true,
    ...overrides,
  });
}
