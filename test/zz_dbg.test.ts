import { makeCanonicalizer } from '../src/language/lexicon';
test('d', () => {
  const c = makeCanonicalizer(new Set());
  for (const w of ['weather','today','informe','trimestral','bogota']) console.log(w, JSON.stringify(c(w)));
});
