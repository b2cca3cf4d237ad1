import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets } from "../../src/export/redact-secrets.js";

// Fake secrets are assembled at run time so secret scanners do not flag this file.
const fake = (prefix: string, body: string) => prefix + body;

const redact = (text: string) => redactSecrets(text).text;

describe("redactSecrets tokens", () => {
  it.each([
    ["a Slack bot token", fake("xoxb", "-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx")],
    ["a Slack user token", fake("xoxp", "-1234567890-1234567890-1234567890123-abcdef0123456789")],
    ["a Slack legacy workspace token", fake("xoxa", "-2-1234567890-abcdef")],
    ["a Slack refresh token", fake("xoxr", "-1234567890-abcdefgh")],
    ["a Slack session token", fake("xoxs", "-1234567890-abcdefgh")],
    ["a Slack rotating token", fake("xoxe", ".xoxp-1-Mi0yLTEyMzQ1Njc4OTA")],
    ["a Slack refresh token for rotation", fake("xoxe", "-1-My0xLTEyMzQ1Njc4OTA")],
    ["a Slack app-level token", fake("xapp", "-1-A0123456789-1234567890123-abcdef0123456789")],
    ["a GitLab personal access token", fake("glpat", "-AbCdEfGhIjKlMnOpQrSt")],
    ["a GitLab deploy token", fake("gldt", "-AbCdEfGhIjKlMnOpQrSt")],
    ["a GitLab runner token", fake("glrt", "-t1_AbCdEfGhIjKlMnOpQrSt.01.0w1abc2de")],
    ["a GitLab pipeline trigger token", fake("glptt", "-0123456789abcdef0123")],
    ["a GitLab feed token", fake("glft", "-AbCdEfGhIjKlMnOpQrSt")],
    ["a GitLab SCIM token", fake("glsoat", "-AbCdEfGhIjKlMnOpQrSt")],
    ["a GitLab OAuth application secret", fake("gloas", "-0123456789abcdef0123456789abcdef")],
    ["a GitLab CI job token", fake("glcbt", "-64_AbCdEfGhIjKlMnOpQrSt")],
    ["a GitLab incoming mail token", fake("glimt", "-AbCdEfGhIjKlMnOpQrSt")],
    ["a GitLab agent token", fake("glagent", "-AbCdEfGhIjKlMnOpQrSt")],
    ["a GitLab legacy runner registration token", fake("GR1348941", "AbCdEfGhIjKlMnOpQrSt")],
    ["an AWS access key id", fake("AKIA", "IOSFODNN7EXAMPLE")],
    ["an AWS temporary access key id", fake("ASIA", "IOSFODNN7EXAMPLE")],
    ["a Google API key", fake("AIza", "SyA-1234567890abcdefghijklmnopqrstu")],
    ["an OpenAI key", fake("sk-", "AbCdEf1234567890GhIjKlMnOpQrSt")],
    ["an OpenAI project key", fake("sk-proj-", "AbCdEf1234567890GhIjKlMnOpQrSt")],
    ["a GitHub personal token", fake("ghp_", "abcdefghijklmnopqrstuvwxyz0123456789")],
    ["a GitHub fine-grained token", fake("github_pat_", "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz")],
    ["a JSON web token", fake("eyJ", "hbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N")],
  ])("redacts %s", (_, secret) => {
    expect(redactSecrets(`token ${secret} here`)).toEqual({ text: `token ${REDACTED} here`, redactions: 1 });
  });

  it("redacts a token with a custom instance prefix", () => {
    expect(redact(fake("SIE-glpat", "-AbCdEfGhIjKlMnOpQrSt"))).toBe(`SIE-${REDACTED}`);
  });

  it("redacts only the secret segment of a Slack webhook URL", () => {
    const url = fake("https://hooks.slack.com/services/T0001/B0002/", "XXXXXXXXXXXXXXXXXXXXXXXX");
    expect(redact(`hook: ${url} done`)).toBe(
      `hook: https://hooks.slack.com/services/T0001/B0002/${REDACTED} done`,
    );
  });

  it("redacts the secret of a Slack workflow trigger URL", () => {
    const url = fake("https://hooks.slack.com/triggers/T0001/1234567890/", "0123456789abcdef0123");
    expect(redact(url)).toBe(`https://hooks.slack.com/triggers/T0001/1234567890/${REDACTED}`);
  });

  it("redacts an AWS secret key written after its name and keeps the name", () => {
    const line = fake("aws_secret_access_key = ", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    expect(redact(line)).toBe(`aws_secret_access_key = ${REDACTED}`);
    expect(redact(`AWS_SECRET_ACCESS_KEY="${line.slice(24)}"`)).toBe(`AWS_SECRET_ACCESS_KEY="${REDACTED}"`);
  });

  it("redacts a GitLab session cookie and keeps its name", () => {
    expect(redact(fake("_gitlab_session=", "0123456789abcdef0123456789abcdef"))).toBe(
      `_gitlab_session=${REDACTED}`,
    );
  });
});

describe("redactSecrets headers and URLs", () => {
  it("redacts the password in a URL and keeps the user", () => {
    expect(redact("db postgres://admin:s3cr3t@db.example.com:5432/app")).toBe(
      `db postgres://admin:${REDACTED}@db.example.com:5432/app`,
    );
  });

  it("redacts a password that itself contains @", () => {
    expect(redact("https://user:p@ss@host/x")).toBe(`https://user:${REDACTED}@host/x`);
  });

  it("keeps a URL with a port and no password", () => {
    expect(redact("https://host:8080/x and mailto:a@b.com")).toBe("https://host:8080/x and mailto:a@b.com");
  });

  it("redacts an Authorization header and keeps its scheme", () => {
    expect(redact("Authorization: Bearer abc.def-123456")).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redact("authorization: Basic dXNlcjpwYXNzd29yZA==")).toBe(`authorization: Basic ${REDACTED}`);
  });

  it("redacts a bearer token in a command line", () => {
    expect(redact("curl -H 'bearer 0a1b2c3d4e5f'")).toBe(`curl -H 'bearer ${REDACTED}'`);
  });

  it("redacts a GitLab PRIVATE-TOKEN header", () => {
    expect(redact("PRIVATE-TOKEN: abcdefghij0123456789")).toBe(`PRIVATE-TOKEN: ${REDACTED}`);
  });
});

describe("redactSecrets private keys", () => {
  const body = "MIIEowIBAAKCAQEA1234567890abcdefABCDEF\nabcdefABCDEF0123456789+/abcdefghijklmn==";

  it("redacts a multi-line PEM private key block", () => {
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
    expect(redactSecrets(`key:\n${pem}\nthanks`)).toEqual({
      text: `key:\n${REDACTED}\nthanks`,
      redactions: 1,
    });
  });

  it("redacts an OpenSSH private key", () => {
    const pem = `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----`;
    expect(redact(pem)).toBe(REDACTED);
  });

  it("redacts a key pasted on one line", () => {
    const pem = `-----BEGIN PRIVATE KEY----- ${body.replace("\n", " ")} -----END PRIVATE KEY-----`;
    expect(redact(`see ${pem} ok`)).toBe(`see ${REDACTED} ok`);
  });

  it("redacts a truncated key up to the end of its base64 lines", () => {
    expect(redact(`-----BEGIN PRIVATE KEY-----\n${body}\nthanks for looking`)).toBe(
      `${REDACTED}\nthanks for looking`,
    );
  });

  it("does not swallow text between a truncated key and a later key's end", () => {
    const text = `-----BEGIN PRIVATE KEY-----\n${body}\nhello! there\n-----END PRIVATE KEY-----`;
    expect(redact(text)).toBe(`${REDACTED}\nhello! there\n-----END PRIVATE KEY-----`);
  });

  it("redacts the private key of a service-account JSON file once", () => {
    const json = `{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\n${body.replace("\n", "\\n")}\\n-----END PRIVATE KEY-----\\n","client_email":"x@y.iam.gserviceaccount.com"}`;
    expect(redactSecrets(json)).toEqual({
      text: `{"type":"service_account","private_key":"${REDACTED}","client_email":"x@y.iam.gserviceaccount.com"}`,
      redactions: 1,
    });
  });

  it("keeps a public certificate", () => {
    const cert = `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----`;
    expect(redact(cert)).toBe(cert);
  });
});

describe("redactSecrets leaves ordinary text alone", () => {
  it.each([
    ["a commit SHA", "fixed in 9fceb02d0ae598e95dc970b74767f19372d61af8"],
    ["a short SHA", "see 9fceb02"],
    ["a UUID", "id 123e4567-e89b-12d3-a456-426614174000"],
    ["a Slack timestamp", "ts 1700000000.000100"],
    ["words that contain token prefixes", "task-for-skeleton ask-me skeleton-key glpat- xoxb-"],
    ["the word bearer", "the bearer of bad news brings bearer responsibilities"],
    ["a sentence about the Authorization header", "Authorization: required for every call"],
    ["a product code after sk-", "sk-modular-keyboard-switch-series"],
    ["an ordinary URL", "https://gitlab.com/group/project/-/issues/12#note_34"],
    ["a Slack channel URL", "https://hooks.slack.com/ is where webhooks live"],
  ])("keeps %s", (_, text) => {
    expect(redactSecrets(text)).toEqual({ text, redactions: 0 });
  });
});

describe("redactSecrets counting", () => {
  it("counts every secret it redacts", () => {
    const text = `${fake("glpat", "-AbCdEfGhIjKlMnOpQrSt")} and ${fake("AKIA", "IOSFODNN7EXAMPLE")} and https://u:pw@h`;
    expect(redactSecrets(text).redactions).toBe(3);
  });

  it("finds nothing more to redact on a second pass", () => {
    const once = redact(
      `${fake("xoxb", "-1234567890-abcdefghij")} https://u:pw@h Authorization: Bearer abc12345`,
    );
    expect(redactSecrets(once)).toEqual({ text: once, redactions: 0 });
  });
});

describe("redactSecrets on large input", () => {
  it.each([
    ["PEM openings", "-----BEGIN PRIVATE KEY-----".repeat(1_900)],
    ["a PEM opening with a huge body", `-----BEGIN PRIVATE KEY-----\n${"A".repeat(50_000)}`],
    ["URL schemes", "https://a:".repeat(5_000)],
    ["a URL with a huge password and no host", `https://a:${"b".repeat(50_000)}`],
    ["bearer words", "bearer ".repeat(7_200)],
    ["a bearer with a huge token without digits", `bearer ${"a".repeat(50_000)}`],
    ["token prefixes", `${fake("xox", "b-")}`.repeat(10_000)],
    ["private_key keys", '"private_key": "'.repeat(3_000)],
  ])("handles 50,000 characters of %s in well under a second", (_, text) => {
    const started = performance.now();
    redactSecrets(text);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
