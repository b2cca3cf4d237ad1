/** Resolves how people are named in messages ("Bob", "bob lee") to their display names ("Bob Lee"). */
export class NameBook {
  private readonly byFullName = new Map<string, string>();
  private readonly byFirstName = new Map<string, string | null>();

  constructor(names: Iterable<string>) {
    for (const name of names) this.add(name);
  }

  /** The display name for a full or unambiguous first name, if the thread knows that person. */
  resolve(candidate: string): string | undefined {
    const key = normalize(candidate);
    return this.byFullName.get(key) ?? this.byFirstName.get(key) ?? undefined;
  }

  private add(name: string): void {
    const key = normalize(name);
    if (key === "") return;
    this.byFullName.set(key, name);
    const first = key.split(" ")[0]!;
    const known = this.byFirstName.get(first);
    // Two people called Alex: "Alex, please …" names nobody for sure.
    this.byFirstName.set(first, known === undefined || known === name ? name : null);
  }
}

function normalize(name: string): string {
  return name.replace(/^@/, "").trim().replace(/\s+/g, " ").toLowerCase();
}
