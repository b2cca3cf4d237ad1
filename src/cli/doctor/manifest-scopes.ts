/** The bot scopes manifest.yml asks for, read without a YAML library (the image ships no dev dependencies). */
import fs from "node:fs";
import path from "node:path";

/** Finds manifest.yml in this directory or any parent (src/cli/doctor or dist/src/cli/doctor). */
export function findManifest(start: string = import.meta.dirname): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "manifest.yml");
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The list under oauth_config → scopes → bot. */
export function botScopesOf(manifest: string): string[] {
  const scopes: string[] = [];
  let path: string[] = [];
  for (const raw of manifest.split("\n")) {
    const line = raw.replace(/\s+#.*$/, "");
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    const indent = line.length - line.trimStart().length;
    const key = /^\s*([\w-]+):\s*$/.exec(line)?.[1];
    if (key) {
      path = [...path.slice(0, indent / 2), key];
      continue;
    }
    const item = /^\s*-\s+([\w:.-]+)\s*$/.exec(line)?.[1];
    if (item && path.join(".") === "oauth_config.scopes.bot") scopes.push(item);
    else if (!item && indent === 0) path = [];
  }
  return scopes;
}
