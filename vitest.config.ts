import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript source through the "@newsloom/source" export
// condition, so tests need no build.
// Vite's default server conditions follow ours.
const conditions = ['@newsloom/source', 'module', 'node', 'development|production'];

// One vitest project per workspace package, named after its folder.
const projectRoots = ['packages', 'examples']
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).map((name) => `${dir}/${name}`))
  .filter((root) => existsSync(`${root}/package.json`));

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    projects: projectRoots.map((root) => ({
      extends: true,
      test: {
        name: root.slice(root.indexOf('/') + 1),
        root,
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        testTimeout: 20_000,
      },
    })),
  },
});
