/** The model check: when a model is configured, its server answers and accepts the key. */
import { type CheckResult, failed, ok, skipped } from "./check-result.js";

export interface LlmCheckInput {
  apiKey?: string;
  baseUrl?: string;
  model: string;
  fetch?: typeof fetch;
}

export async function checkLlm(input: LlmCheckInput): Promise<CheckResult> {
  const name = "Model for summaries";
  if (!input.apiKey && !input.baseUrl) return skipped(name, "not configured: the offline summarizer is used");
  const base = (input.baseUrl ?? "https://api.openai.com/v1").replace(/\/+$/, "");
  try {
    const response = await (input.fetch ?? fetch)(`${base}/models`, {
      headers: input.apiKey ? { authorization: `Bearer ${input.apiKey}` } : {},
      signal: AbortSignal.timeout(15_000),
    });
    if (response.status === 401 || response.status === 403) {
      return failed(name, `${base} refused the key (${response.status})`, "set a valid OPENAI_API_KEY");
    }
    if (!response.ok) {
      return failed(
        name,
        `${base}/models answered ${response.status}`,
        "check OPENAI_BASE_URL (it usually ends in /v1)",
      );
    }
    const body = (await response.json().catch(() => ({}))) as { data?: { id?: string }[] };
    const listed = body.data?.some((model) => model.id === input.model);
    return ok(name, `${base} answers${listed ? `, and offers ${input.model}` : ""}`);
  } catch (error) {
    return failed(
      name,
      `no answer from ${base} (${error instanceof Error ? error.message : String(error)})`,
      "check OPENAI_BASE_URL and that the model server is running; exports fall back to the offline summarizer meanwhile",
    );
  }
}
