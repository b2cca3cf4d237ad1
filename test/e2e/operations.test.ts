/** What an operator scrapes and probes in HTTP mode: /healthz and /metrics. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";
import { waitUntil } from "../helpers/run-cli.js";
import { PROJECT, startWorld, type World } from "../helpers/world.js";

describe("operations endpoints", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ seed: (slack) => seedPeopleAndChannels(slack) });
  });
  afterAll(async () => {
    await world?.close();
  });

  it("answers /healthz once the store is reachable", async () => {
    const response = await fetch(`${world.bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, store: "reachable" });
  });

  it("counts events, exports, queue depth, and GitLab and Slack calls with their 429s on /metrics", async () => {
    const ts = world.slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "metrics please" });
    world.gitlab.failNext({ method: "POST", pathIncludes: "/issues" }, { status: 429, retryAfter: 0 });
    const before = world.answers();
    await world.react(CHANNELS.public.id, ts);
    await world.waitForAnswers(before + 1);
    expect(world.gitlab.issues(PROJECT.id)).toHaveLength(1);

    // The job is recorded as done just after the reply is posted.
    let text = "";
    await waitUntil(async () => {
      const response = await fetch(`${world.bot.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/plain");
      text = await response.text();
      return text.includes('result="done"');
    }, "the job was never recorded as done");
    expect(text).toContain('threadport_slack_events_total{type="reaction_added"} 1');
    expect(text).toContain('threadport_exports_total{outcome="created"} 1');
    expect(text).toContain('threadport_job_attempts_total{kind="export",result="done"} 1');
    expect(text).toContain('threadport_jobs_waiting{state="pending"} 0');
    expect(text).toContain("threadport_jobs_failed 0");
    expect(text).toContain("threadport_jobs_oldest_age_seconds 0");
    expect(text).toContain('threadport_external_rate_limited_total{service="gitlab"} 1');
    expect(text).toMatch(
      /threadport_external_call_duration_seconds_count\{service="gitlab",operation="projects\/:id\/issues",status="201"\} 1/,
    );
    expect(text).toMatch(
      /threadport_external_call_duration_seconds_count\{service="slack",operation="chat.postMessage",status="200"\} 1/,
    );
    expect(text).toContain("threadport_process_resident_memory_bytes");
  });
});
