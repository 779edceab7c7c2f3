import { newsloomTsup } from '../../tsup.base';

// The library, its research metrics subpath, the `newsloom` bin (its shebang is kept by esbuild)
// and the summarise worker thread (started by file from `dist/`, beside the code that starts it).
export default newsloomTsup({
  entry: {
    index: 'src/index.ts',
    eval: 'src/eval.ts',
    bin: 'src/bin.ts',
    'summarize-worker': 'src/pipeline/summarize-worker.ts',
  },
});
