import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

const VALID_ENV = {
  SLACK_BOT_TOKEN: "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx",
  SLACK_SIGNING_SECRET: "8f742231b10e8888abc5b9f3a5d0e2c1",
  GITLAB_TOKEN: "glpat-aBcDeFgHiJkLmNoPqRsT",
  GITLAB_DEFAULT_PROJECT: "acme/support",
} as const;

function problemFor(overrides: Record<string, string>, variable: string) {
  try {
    loadConfig({ ...VALID_ENV, ...overrides });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const problem = (error as ConfigError).problems.find((p) => p.variable === variable);
    if (problem) return problem;
  }
  throw new Error(`expected a problem for ${variable}`);
}

describe("loadConfig for model summaries", () => {
  it("allows 30,000 tokens per request and 60 s per model request by default", () => {
    expect(loadConfig(VALID_ENV).summary).toEqual({ contextTokens: 30_000, requestTimeoutMs: 60_000 });
  });

  it("reads SUMMARY_CONTEXT_TOKENS and OPENAI_TIMEOUT_SECONDS", () => {
    const config = loadConfig({
      ...VALID_ENV,
      SUMMARY_CONTEXT_TOKENS: "8000",
      OPENAI_TIMEOUT_SECONDS: "300",
    });
    expect(config.summary).toEqual({ contextTokens: 8_000, requestTimeoutMs: 300_000 });
  });

  it("rejects a context budget too small for a prompt, saying what to set", () => {
    const problem = problemFor({ SUMMARY_CONTEXT_TOKENS: "1000" }, "SUMMARY_CONTEXT_TOKENS");
    expect(problem.problem).toBe('"1000" is not a whole number of at least 2000');
    expect(problem.fix).toContain("context window");
  });

  it("rejects a timeout that is not a whole number of seconds", () => {
    expect(problemFor({ OPENAI_TIMEOUT_SECONDS: "1.5" }, "OPENAI_TIMEOUT_SECONDS").problem).toBe(
      '"1.5" is not a whole number of at least 1',
    );
    expect(problemFor({ OPENAI_TIMEOUT_SECONDS: "soon" }, "OPENAI_TIMEOUT_SECONDS").fix).toContain("seconds");
  });
});
