import { newsloomTsup } from '../../tsup.base';

export default newsloomTsup({
  entry: { index: 'src/index.ts', conformance: 'src/conformance/index.ts' },
  external: ['vitest'],
});
