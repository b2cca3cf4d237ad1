/** Function words in the languages the cues cover; they say nothing about what an item is about. */
const STOPWORDS = new Set(
  (
    "a an the and or but of to in on at for with by from as is are was were be been it its this that these those " +
    "we you i he she they them our your my me us let lets s ll t re ve d m do does did will would shall should can " +
    "could so then there here just also please not no yes ok okay go going " +
    "der die das den dem des ein eine einen und oder mit um mich ich wir du zu zum zur für auf bei von ist sind es " +
    "el la los las un una de del y o con en para por me yo lo se que " +
    "le les une du des et ou avec pour je on sur l qu"
  ).split(" "),
);

/** Lower-cased content words with a light suffix strip, so "rolling back" and "roll back" meet. */
export function contentTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (!STOPWORDS.has(word)) tokens.add(stem(word));
  }
  return tokens;
}

function stem(word: string): string {
  if (/\d/.test(word) || word.length <= 4) return word;
  return word.replace(/(?:ing|ed|es|s|e)$/u, "");
}

/** Shared tokens divided by the size of the smaller set: 1 when one item restates the other. */
export function overlapOfSmaller(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const token of small) if (large.has(token)) shared += 1;
  return shared / small.size;
}
