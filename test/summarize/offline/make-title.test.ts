import { describe, expect, it } from "vitest";
import { makeTitle } from "../../../src/summarize/offline/make-title.js";

describe("makeTitle", () => {
  it("joins topic and first decision when both fit in 80 characters", () => {
    expect(
      makeTitle({ topic: "Sprint 42 planning", decisions: ["Sprint goal is SSO login."], channelName: "x" }),
    ).toBe("Sprint 42 planning: Sprint goal is SSO login");
  });

  it("cuts a long topic at a clause boundary to make room for the decision", () => {
    const title = makeTitle({
      topic: "Datastore for the new billing ledger before sprint planning",
      decisions: ["Postgres on RDS for the ledger, with a read replica for finance reporting."],
      channelName: "x",
    });
    expect(title).toBe("Datastore for the new billing ledger: Postgres on RDS for the ledger, with a…");
  });

  it("uses the decision alone when it already names the topic", () => {
    const title = makeTitle({
      topic: "!482 Move date formatting to luxon",
      decisions: ["Approved: !482 Move date formatting to luxon."],
      channelName: "x",
    });
    expect(title).toBe("Approved: !482 Move date formatting to luxon");
  });

  it("uses the topic alone without a decision, and the decision alone without a topic", () => {
    expect(makeTitle({ topic: "Rotate the staging password", decisions: [], channelName: "x" })).toBe(
      "Rotate the staging password",
    );
    expect(makeTitle({ topic: "", decisions: ["Freeze from Dec 19."], channelName: "x" })).toBe(
      "Freeze from Dec 19",
    );
  });

  it("falls back to the channel, or to a generic title without one", () => {
    expect(makeTitle({ topic: "", decisions: [], channelName: "#ops" })).toBe("Slack thread in #ops");
    expect(makeTitle({ topic: "", decisions: [], channelName: "" })).toBe("Slack thread");
  });

  it("never returns more than 255 characters", () => {
    const long = "x".repeat(1_000);
    expect(makeTitle({ topic: long, decisions: [long], channelName: long }).length).toBeLessThanOrEqual(255);
    expect(makeTitle({ topic: "", decisions: [], channelName: long }).length).toBeLessThanOrEqual(255);
  });
});
