import { newsloomTsup } from '../../tsup.base';

// Two entries: the library and the `newsloom` bin (its shebang is kept by esbuild).
export default newsloomTsup({ entry: ['src/index.ts', 'src/bin.ts'] });
