// Assembling a lunr index from token lists, without lunr's Builder: the Builder runs its
// pipelines (whose English trimmer blanks Chinese tokens, stemmer mangles pinyin and
// stop-word filter drops 何 he / 安 an: search-notes) and computes TF-IDF vectors, which
// took ~150 ms for a 1,000-household village. We write the postings lunr would have
// serialized and let `lunr.Index.load` build its token set (~10 ms), with an empty
// search pipeline. Document vectors are left empty, so every hit scores 0: the query
// code orders results itself (by reading, then by row).
import lunr from 'lunr';

/** Builds a lunr index over `docs` (doc ref = position) holding exactly the given tokens. */
export function indexFromTokens<F extends string>(fields: readonly F[], docs: readonly Record<F, string[]>[]): lunr.Index {
  const postings = new Map<string, Record<string, Record<string, object>>>();
  docs.forEach((doc, i) => {
    const ref = String(i);
    for (const f of fields) {
      for (const token of doc[f]) {
        let p = postings.get(token);
        if (!p) {
          p = {};
          for (const g of fields) p[g] = {};
          postings.set(token, p);
        }
        p[f]![ref] = {};
      }
    }
  });
  // lunr's token set requires terms in sorted (UTF-16 code unit) order.
  const terms = [...postings.keys()].sort();
  const invertedIndex = terms.map((t, i) => [t, { _index: i, ...postings.get(t) }]);
  const fieldVectors: [string, number[]][] = [];
  for (let i = 0; i < docs.length; i++) for (const f of fields) fieldVectors.push([`${f}/${i}`, []]);
  return lunr.Index.load({ version: lunr.version, fields: [...fields], fieldVectors, invertedIndex, pipeline: [] });
}
