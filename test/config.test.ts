import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError, type ConfigProblem, loadConfig } from "../src/config.js";

/** The smallest environment that starts threadport. */
const VALID_ENV = {
  SLACK_BOT_TOKEN: "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx",
  SLACK_SIGNING_SECRET: "8f742231b10e8888abc5b9f3a5d0e2c1",
  GITLAB_TOKEN: "glpat-aBcDeFgHiJkLmNoPqRsT",
  GITLAB_DEFAULT_PROJECT: "acme/support",
} as const;

type Env = Record<string, string | undefined>;

function configWith(overrides: Env = {}) {
  return loadConfig({ ...VALID_ENV, ...overrides });
}

/** Returns the problems of the ConfigError that loadConfig throws; fails the test if it does not throw. */
function problemsOf(env: Env): ConfigProblem[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected loadConfig to throw a ConfigError");
}

function problemFor(overrides: Env, variable: string): ConfigProblem {
  const problem = problemsOf({ ...VALID_ENV, ...overrides }).find((p) => p.variable === variable);
  if (!problem) throw new Error(`expected a problem for ${variable}`);
  return problem;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("loadConfig defaults", () => {
  it("points the Slack client at https://slack.com/api/ when SLACK_API_URL is unset", () => {
    expect(configWith().slack.apiUrl).toBe("https://slack.com/api/");
  });

  it("uses https://gitlab.com when GITLAB_URL is unset", () => {
    expect(configWith().gitlab.url).toBe("https://gitlab.com");
  });

  it("stores data in ./data/threadport.db when DATABASE_URL is unset", () => {
    expect(configWith().databaseUrl).toBe("./data/threadport.db");
  });

  it("exports on the memo reaction when EXPORT_REACTIONS is unset", () => {
    expect(configWith().exportReactions).toEqual(["memo"]);
  });

  it("listens on port 3000 when PORT is unset", () => {
    expect(configWith().port).toBe(3000);
  });

  it("logs at info level when LOG_LEVEL is unset", () => {
    expect(configWith().logLevel).toBe("info");
  });

  it("allows every namespace when GITLAB_ALLOWED_NAMESPACES is unset", () => {
    expect(configWith().gitlab.allowedNamespaces).toEqual([]);
  });

  it("has no OpenAI key or base URL and uses gpt-4o-mini when the OPENAI_ variables are unset", () => {
    expect(configWith().openai).toEqual({ apiKey: undefined, baseUrl: undefined, model: "gpt-4o-mini" });
  });

  it("runs in HTTP mode without SLACK_APP_TOKEN", () => {
    const config = configWith();
    expect(config.slack.mode).toBe("http");
    expect(config.slack.appToken).toBeUndefined();
  });

  it("runs in Socket Mode with a SLACK_APP_TOKEN", () => {
    const config = configWith({ SLACK_APP_TOKEN: "xapp-1-A0123456789-1234567890123-abcdef" });
    expect(config.slack.mode).toBe("socket");
    expect(config.slack.appToken).toBe("xapp-1-A0123456789-1234567890123-abcdef");
  });

  it("treats a blank SLACK_APP_TOKEN as unset and runs in HTTP mode", () => {
    expect(configWith({ SLACK_APP_TOKEN: "   " }).slack.mode).toBe("http");
  });

  it("treats blank optional variables as unset and falls back to their defaults", () => {
    const config = configWith({ PORT: "", DATABASE_URL: " ", GITLAB_URL: "" });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe("./data/threadport.db");
    expect(config.gitlab.url).toBe("https://gitlab.com");
  });

  it("trims whitespace around the values it keeps", () => {
    const config = configWith({ SLACK_BOT_TOKEN: `  ${VALID_ENV.SLACK_BOT_TOKEN}\n`, PORT: " 8080 " });
    expect(config.slack.botToken).toBe(VALID_ENV.SLACK_BOT_TOKEN);
    expect(config.port).toBe(8080);
  });

  it("reads process.env when no environment is given", () => {
    for (const [name, value] of Object.entries(VALID_ENV)) vi.stubEnv(name, value);
    vi.stubEnv("GITLAB_DEFAULT_PROJECT", "acme/from-process-env");
    expect(loadConfig().gitlab.defaultProject).toBe("acme/from-process-env");
  });

  it("keeps the values it was given for every other setting", () => {
    const config = configWith({
      DATABASE_URL: "/var/lib/threadport/db.sqlite",
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: "http://127.0.0.1:11434/v1",
      OPENAI_MODEL: "llama3.1",
      GITLAB_ALLOWED_NAMESPACES: "acme, acme/platform ,",
    });
    expect(config.databaseUrl).toBe("/var/lib/threadport/db.sqlite");
    expect(config.openai).toEqual({
      apiKey: "sk-test",
      baseUrl: "http://127.0.0.1:11434/v1",
      model: "llama3.1",
    });
    expect(config.gitlab.allowedNamespaces).toEqual(["acme", "acme/platform"]);
    expect(config.gitlab.token).toBe(VALID_ENV.GITLAB_TOKEN);
    expect(config.slack.signingSecret).toBe(VALID_ENV.SLACK_SIGNING_SECRET);
  });
});

describe("loadConfig problems", () => {
  it("reports every missing required variable in one ConfigError", () => {
    const problems = problemsOf({});
    expect(problems.map((p) => p.variable)).toEqual([
      "SLACK_BOT_TOKEN",
      "SLACK_SIGNING_SECRET",
      "GITLAB_TOKEN",
    ]);
    for (const problem of problems) expect(problem.problem).toBe("is not set");
  });

  it("starts without GITLAB_DEFAULT_PROJECT: channels are then linked to projects with /async link", () => {
    const { GITLAB_DEFAULT_PROJECT: _unset, ...withoutDefault } = VALID_ENV;
    expect(loadConfig(withoutDefault).gitlab.defaultProject).toBeUndefined();
    expect(loadConfig({ ...VALID_ENV, GITLAB_DEFAULT_PROJECT: "  " }).gitlab.defaultProject).toBeUndefined();
  });

  it("reports six different mistakes at once instead of stopping at the first", () => {
    const problems = problemsOf({
      ...VALID_ENV,
      SLACK_BOT_TOKEN: "xoxp-1234-user-token",
      SLACK_APP_TOKEN: "xoxb-not-an-app-token",
      GITLAB_URL: "gitlab.example.com",
      PORT: "http",
      GITLAB_DEFAULT_PROJECT: "support",
      LOG_LEVEL: "verbose",
    });
    expect(problems.map((p) => p.variable).sort()).toEqual(
      [
        "GITLAB_DEFAULT_PROJECT",
        "GITLAB_URL",
        "LOG_LEVEL",
        "PORT",
        "SLACK_APP_TOKEN",
        "SLACK_BOT_TOKEN",
      ].sort(),
    );
  });

  it("gives every problem a fix that says what to do", () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: "xoxp-1234-user-token",
      SLACK_APP_TOKEN: "bad",
      SLACK_API_URL: "nope",
      PORT: "99999",
      GITLAB_DEFAULT_PROJECT: "support",
      LOG_LEVEL: "loud",
      EXPORT_REACTIONS: ",",
      OPENAI_BASE_URL: "localhost:11434",
    });
    expect(problems.length).toBeGreaterThanOrEqual(9);
    for (const problem of problems) {
      expect(problem.problem.length).toBeGreaterThan(0);
      expect(problem.fix.length).toBeGreaterThan(10);
    }
  });

  it("throws an error with a stable code and a message that lists each problem with its fix", () => {
    let thrown: unknown;
    try {
      loadConfig({ ...VALID_ENV, PORT: "abc", LOG_LEVEL: "loud" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const error = thrown as ConfigError;
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ConfigError");
    expect(error.code).toBe("invalid_config");
    expect(error.message).toContain("2 configuration problem(s)");
    expect(error.message).toContain(
      '  - PORT: "abc" is not a port number\n    fix: use a number from 1 to 65535',
    );
    expect(error.message).toContain(
      '  - LOG_LEVEL: "loud" is unknown\n    fix: use one of fatal, error, warn',
    );
  });

  it("rejects a user token (xoxp-) as SLACK_BOT_TOKEN and says to use the bot token", () => {
    const problem = problemFor({ SLACK_BOT_TOKEN: "xoxp-1234-5678-user" }, "SLACK_BOT_TOKEN");
    expect(problem.problem).toContain("xoxb-");
    expect(problem.fix).toContain("Bot User OAuth Token");
  });

  it("rejects an app-level token (xapp-) as SLACK_BOT_TOKEN", () => {
    expect(problemFor({ SLACK_BOT_TOKEN: "xapp-1-A1-2-abc" }, "SLACK_BOT_TOKEN").problem).toContain(
      "bot token",
    );
  });

  it("rejects a SLACK_APP_TOKEN that does not start with xapp- and offers HTTP mode as a way out", () => {
    const problem = problemFor({ SLACK_APP_TOKEN: "xoxb-wrong-token" }, "SLACK_APP_TOKEN");
    expect(problem.problem).toContain("xapp-");
    expect(problem.fix).toContain("connections:write");
    expect(problem.fix).toContain("HTTP mode");
  });

  it("tells where to find a missing signing secret", () => {
    const problem = problemFor({ SLACK_SIGNING_SECRET: undefined }, "SLACK_SIGNING_SECRET");
    expect(problem.fix).toContain("Basic Information");
  });

  it("tells how to create a missing GitLab token with the api scope", () => {
    expect(problemFor({ GITLAB_TOKEN: "" }, "GITLAB_TOKEN").fix).toContain("api scope");
  });

  it.each([
    ["a bare host name", "gitlab.example.com"],
    ["an ftp URL", "ftp://gitlab.example.com"],
    ["words", "my gitlab"],
  ])("rejects %s as GITLAB_URL", (_label, value) => {
    const problem = problemFor({ GITLAB_URL: value }, "GITLAB_URL");
    expect(problem.problem).toBe(`"${value}" is not an http(s) URL`);
    expect(problem.fix).toContain("https://");
  });

  it("rejects a SLACK_API_URL without a scheme", () => {
    expect(problemFor({ SLACK_API_URL: "slack.com/api" }, "SLACK_API_URL").problem).toContain(
      "not an http(s) URL",
    );
  });

  it("rejects an OPENAI_BASE_URL without a scheme", () => {
    expect(problemFor({ OPENAI_BASE_URL: "localhost:11434/v1" }, "OPENAI_BASE_URL").problem).toContain(
      "not an http(s) URL",
    );
  });

  it.each(["abc", "70000", "65536", "-1", "0", "3000.5"])("rejects PORT=%s", (value) => {
    const problem = problemFor({ PORT: value }, "PORT");
    expect(problem.problem).toBe(`"${value}" is not a port number`);
    expect(problem.fix).toContain("1 to 65535");
  });

  it.each(["1", "8080", "65535"])("accepts PORT=%s", (value) => {
    expect(configWith({ PORT: value }).port).toBe(Number(value));
  });

  it.each([
    ["a project name without its namespace", "support"],
    ["a full web URL", "https://gitlab.com/acme/support"],
    ["a path with a trailing slash", "acme/support/"],
    ["a path with a space", "acme/customer support"],
  ])("rejects %s as GITLAB_DEFAULT_PROJECT", (_label, value) => {
    const problem = problemFor({ GITLAB_DEFAULT_PROJECT: value }, "GITLAB_DEFAULT_PROJECT");
    expect(problem.problem).toBe(`"${value}" is not a project path or id`);
    expect(problem.fix).toContain("group/project");
  });

  it.each(["acme/support", "acme/platform/payments-api", "my.group/my-project_2", "278964"])(
    "accepts %s as GITLAB_DEFAULT_PROJECT",
    (value) => {
      expect(configWith({ GITLAB_DEFAULT_PROJECT: value }).gitlab.defaultProject).toBe(value);
    },
  );

  it("rejects an unknown LOG_LEVEL and lists the known ones", () => {
    const problem = problemFor({ LOG_LEVEL: "verbose" }, "LOG_LEVEL");
    expect(problem.problem).toBe('"verbose" is unknown');
    expect(problem.fix).toBe("use one of fatal, error, warn, info, debug, trace, silent");
  });

  it("accepts LOG_LEVEL in any case and keeps it in lower case", () => {
    expect(configWith({ LOG_LEVEL: "DEBUG" }).logLevel).toBe("debug");
  });

  it("rejects an EXPORT_REACTIONS that lists no emoji", () => {
    const problem = problemFor({ EXPORT_REACTIONS: " , ," }, "EXPORT_REACTIONS");
    expect(problem.problem).toBe("lists no emoji");
    expect(problem.fix).toContain("memo,inbox_tray");
  });

  it("rejects an EXPORT_REACTIONS made only of colons, which would name no emoji", () => {
    expect(problemFor({ EXPORT_REACTIONS: "::, :" }, "EXPORT_REACTIONS").problem).toBe("lists no emoji");
  });
});

describe("loadConfig normalisation", () => {
  it.each([
    ["https://gitlab.example.com/api/v4/", "https://gitlab.example.com"],
    ["https://gitlab.example.com/api/v4", "https://gitlab.example.com"],
    ["https://gitlab.example.com/", "https://gitlab.example.com"],
    ["https://example.com/gitlab/api/v4/", "https://example.com/gitlab"],
    ["http://127.0.0.1:8929", "http://127.0.0.1:8929"],
  ])("turns GITLAB_URL %s into the host %s that gitbeaker expects", (value, expected) => {
    expect(configWith({ GITLAB_URL: value }).gitlab.url).toBe(expected);
  });

  it("adds the trailing slash that the Slack client needs to SLACK_API_URL", () => {
    expect(configWith({ SLACK_API_URL: "http://127.0.0.1:9999/api" }).slack.apiUrl).toBe(
      "http://127.0.0.1:9999/api/",
    );
  });

  it("keeps a SLACK_API_URL that already ends in a slash as it is", () => {
    expect(configWith({ SLACK_API_URL: "https://slack-gov.com/api/" }).slack.apiUrl).toBe(
      "https://slack-gov.com/api/",
    );
  });

  it("strips the colons and spaces around the names in EXPORT_REACTIONS", () => {
    expect(configWith({ EXPORT_REACTIONS: ":memo:, :inbox_tray: ,ticket,, " }).exportReactions).toEqual([
      "memo",
      "inbox_tray",
      "ticket",
    ]);
  });

  it("keeps emoji names that contain signs, such as +1", () => {
    expect(configWith({ EXPORT_REACTIONS: ":+1:,white_check_mark" }).exportReactions).toEqual([
      "+1",
      "white_check_mark",
    ]);
  });
});
