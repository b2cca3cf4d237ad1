/**
 * "Option B: Instatus ($99/mo, …)" or "(b) TTL-only at 30 min": options laid out in the thread, by
 * letter or number, so that a later "go with option B" can say which option that is. An issue read by
 * someone who was not there must not say only "option B".
 */
const DEFINITION =
  /(?:^|[\s(])(?:option\s+([a-z0-9])\s*[:)–—-]|\(([a-z0-9])\))\s*([^,;.()\n]{2,60}?)\s*(?=[,;.()\n]|$)/giu;
const REFERENCE = /(?<![\p{L}\p{N}])option\s+([a-z0-9])(?![\p{L}\p{N}])/giu;

export class OptionBook {
  private readonly names = new Map<string, string>();

  /** Remembers the options a message lays out; a later definition of the same letter wins. */
  note(text: string): void {
    for (const match of text.matchAll(DEFINITION)) {
      const key = (match[1] ?? match[2] ?? "").toLowerCase();
      const name = match[3]!.trim();
      if (key !== "" && name !== "") this.names.set(key, name);
    }
  }

  /** "Go with option B" → "Go with option B (Instatus)", when option B was laid out earlier. */
  expand(text: string): string {
    return text.replace(REFERENCE, (reference: string, key: string) => {
      const name = this.names.get(key.toLowerCase());
      return name === undefined || text.toLowerCase().includes(name.toLowerCase())
        ? reference
        : `${reference} (${name})`;
    });
  }
}
