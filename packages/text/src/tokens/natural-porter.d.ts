// natural ships no declaration for this submodule; we import the submodule directly because
// `require('natural')` loads dotenv (printing to stdout) and database clients.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(word: string): string };
  export default PorterStemmer;
}
