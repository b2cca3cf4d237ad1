// Baseline for the benchmarks: a Bolt app in HTTP mode that acknowledges events and does nothing else.
// Plain JavaScript, run by node directly, like the compiled bot it is compared with.
import bolt from "@slack/bolt";

const app = new bolt.App({
  token: "xoxb-baseline",
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? "baseline-secret",
  tokenVerificationEnabled: false,
  botId: "BBOT",
  botUserId: "UBOT",
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? "http://127.0.0.1:9/api/" },
  customRoutes: [{ path: "/healthz", method: ["GET"], handler: (_req, res) => res.end("ok") }],
});
app.event("reaction_added", async () => {});
await app.start(Number(process.env.PORT ?? 3999));
process.on("SIGTERM", () => {
  void app.stop().then(() => process.exit(0));
});
