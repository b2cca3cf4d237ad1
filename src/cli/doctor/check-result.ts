/** One line of `threadport doctor`: what was checked, whether it passed, and how to fix it when not. */
export interface CheckResult {
  name: string;
  status: "ok" | "failed" | "skipped";
  detail: string;
  fix?: string;
}

export const ok = (name: string, detail: string): CheckResult => ({ name, status: "ok", detail });
export const failed = (name: string, detail: string, fix: string): CheckResult => ({
  name,
  status: "failed",
  detail,
  fix,
});
export const skipped = (name: string, detail: string): CheckResult => ({ name, status: "skipped", detail });

const SYMBOL = { ok: "✔", failed: "✘", skipped: "–" } as const;

/** The report people read, ending with a count line. */
export function formatReport(results: CheckResult[]): string[] {
  const lines = ["threadport doctor", ""];
  for (const result of results) {
    lines.push(`${SYMBOL[result.status]} ${result.name}: ${result.detail}`);
    if (result.fix) lines.push(`    fix: ${result.fix}`);
  }
  const count = (status: CheckResult["status"]) => results.filter((r) => r.status === status).length;
  const skippedNote = count("skipped") > 0 ? `, ${count("skipped")} skipped` : "";
  lines.push("", `${results.length} checks: ${count("ok")} passed, ${count("failed")} failed${skippedNote}`);
  return lines;
}
