/** Abbreviations whose final dot does not end a sentence. */
const ABBREVIATION = /(?:^|\s)(?:e\.g|i\.e|etc|vs|approx|ca|cf|incl|z\.b|bzw|usw|p\.ej|env|mr|mrs|ms|dr)\.$/i;
const BOUNDARY = /(?<=[.!?…。！？])\s+(?=\S)/u;

/**
 * Splits prose into sentences: at line breaks, and after . ! ? … followed by a space. Decimal numbers and
 * versions ("v2.14.3") stay whole because no space follows their dots.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split(/\n+/)) {
    let pending = "";
    for (const part of line.split(BOUNDARY)) {
      pending = pending === "" ? part : `${pending} ${part}`;
      if (!ABBREVIATION.test(pending)) {
        pushTrimmed(sentences, pending);
        pending = "";
      }
    }
    pushTrimmed(sentences, pending);
  }
  return sentences;
}

function pushTrimmed(sentences: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (/[\p{L}\p{N}]/u.test(trimmed)) sentences.push(trimmed);
}
