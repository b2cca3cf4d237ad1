/**
 * One sample per kind of secret threadport redacts, as people paste them into Slack: the message, and the
 * secret part that must appear neither in what the model receives nor in what GitLab receives.
 * Assembled at run time so that secret scanners do not flag this file.
 */
const join = (...parts: string[]) => parts.join("");

export interface SecretSample {
  kind: string;
  /** The Slack message (mrkdwn) that contains the secret. */
  message: string;
  secret: string;
}

const pemBody = join(
  "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
  "\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK",
);
const pem = join("-----BEGIN RSA PRIVATE", " KEY-----\n", pemBody, "\n-----END RSA PRIVATE", " KEY-----");

export const SECRET_SAMPLES: SecretSample[] = [
  {
    kind: "Slack bot token",
    message: join("the bot token is ", "xoxb", "-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"),
    secret: join("xoxb", "-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"),
  },
  {
    kind: "Slack app-level token",
    message: join("SLACK_APP_TOKEN=", "xapp", "-1-A0123456789-1234567890123-abcdef0123456789"),
    secret: join("xapp", "-1-A0123456789-1234567890123-abcdef0123456789"),
  },
  {
    kind: "GitLab personal access token",
    message: join("use ", "glpat", "-Zq9RtLm2XvB7nKp4WsYd for the API"),
    secret: join("glpat", "-Zq9RtLm2XvB7nKp4WsYd"),
  },
  {
    kind: "GitLab deploy token",
    message: join("deploy token: ", "gldt", "-Hx3Pq8LmN2vRt6YkWz1B"),
    secret: join("gldt", "-Hx3Pq8LmN2vRt6YkWz1B"),
  },
  {
    kind: "AWS access key id",
    message: join("key id ", "AKIA", "Z7QW3ERTY5UIOPAS"),
    secret: join("AKIA", "Z7QW3ERTY5UIOPAS"),
  },
  {
    kind: "AWS secret access key",
    message: join("aws_secret_access_key = ", "kT9vR2mX7pL4qW8zN3bY6cH1jF5sD0gA9eU2iO7t"),
    secret: "kT9vR2mX7pL4qW8zN3bY6cH1jF5sD0gA9eU2iO7t",
  },
  {
    kind: "Google API key",
    message: join("maps key ", "AIza", "SyB-9QwErTyUiOpAsDfGhJkLzXcVbNm1234"),
    secret: join("AIza", "SyB-9QwErTyUiOpAsDfGhJkLzXcVbNm1234"),
  },
  {
    kind: "GCP service-account key",
    message: join(
      '```{"type": "service_account", "private_key": "-----BEGIN PRIVATE',
      " KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE",
      ' KEY-----\\n"}```',
    ),
    secret: "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7",
  },
  {
    kind: "private key block",
    message: join("here is the deploy key:\n```\n", pem, "\n```"),
    secret: "u1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
  },
  {
    kind: "password in a URL",
    message: "connect with <postgres://admin:Sup3rS3cretPw@db.internal:5432/app>",
    secret: "Sup3rS3cretPw",
  },
  {
    kind: "bearer token",
    message: join(
      "curl -H 'Authorization: Bearer ",
      "d9f8e7c6b5a4f3e2d1c0b9a8f7e6d5c4",
      "' https://api.example.com",
    ),
    secret: "d9f8e7c6b5a4f3e2d1c0b9a8f7e6d5c4",
  },
];
