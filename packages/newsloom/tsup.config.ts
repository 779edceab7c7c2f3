import { newsloomTsup } from '../../tsup.base';

// Three entries: the library, its research metrics subpath, and the `newsloom` bin (its shebang is kept by esbuild).
export default newsloomTsup({ entry: ['src/index.ts', 'src/eval.ts', 'src/bin.ts'] });
