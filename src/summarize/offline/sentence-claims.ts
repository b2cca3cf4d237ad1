/**
 * Sentences already turned into a decision or an action item, so that a request ("can you …?") or a
 * confirmed proposal ("should we …?") is not listed again as an open question.
 */
export class SentenceClaims {
  private readonly claimed = new Set<string>();

  claim(messageIndex: number, sentenceIndex: number): void {
    this.claimed.add(`${messageIndex}:${sentenceIndex}`);
  }

  has(messageIndex: number, sentenceIndex: number): boolean {
    return this.claimed.has(`${messageIndex}:${sentenceIndex}`);
  }
}
