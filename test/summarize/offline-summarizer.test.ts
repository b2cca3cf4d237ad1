import { describe, expect, it } from "vitest";
import { OfflineSummarizer } from "../../src/summarize/offline-summarizer.js";
import type { ThreadSummary } from "../../src/summarize/summarizer.js";
import { buildSummaryInput, type Line } from "./build-summary-input.js";

const summarizer = new OfflineSummarizer();
const summarize = (...lines: Line[]): Promise<ThreadSummary> =>
  summarizer.summarize(buildSummaryInput(lines));

describe("OfflineSummarizer decisions", () => {
  it.each([
    ["let's go with Postgres for the ledger", "Go with Postgres for the ledger."],
    ["ok so we'll ship the beta on Friday 🎉", "We'll ship the beta on Friday."],
    ["We will freeze the API until the audit is done.", "We will freeze the API until the audit is done."],
    ["Decision: dark mode moves to the backlog", "Dark mode moves to the backlog."],
    ["We decided to take replica-2 out of the pool.", "Take replica-2 out of the pool."],
    ["So we're going with weekly releases.", "Go with weekly releases."],
    ["Final answer: URL prefix versioning", "URL prefix versioning."],
    ["agreed, CSV export goes to sprint 43", "CSV export goes to sprint 43."],
    ["+1 to monthly billing", "Monthly billing."],
    ["Going forward, all log shipping uses PrivateLink.", "All log shipping uses PrivateLink."],
  ])("reads the explicit cue in %j", async (text, decision) => {
    const result = await summarize(["Ana", "Which way do we go here?"], ["Ben", text]);
    expect(result.decisions).toEqual([decision]);
  });

  it.each(["sounds good", "👍", ":white_check_mark:", ":+1:", "agreed", "ship it", "approved", "LGTM"])(
    "turns a proposal confirmed with %j into a decision",
    async (confirmation) => {
      const result = await summarize(["Ana", "Proposal: cut the release on Thursday"], ["Ben", confirmation]);
      expect(result.decisions).toEqual(["Cut the release on Thursday."]);
    },
  );

  it("takes the proposal's content from let's, should-we and I-suggest forms", async () => {
    const lets = await summarize(["Ana", "Let's roll back to v2.14.3 now."], ["Ben", "ship it"]);
    const should = await summarize(
      ["Ana", "Should we keep the old formatter for PDFs?"],
      ["Ben", "Yes, until Q3."],
    );
    const suggest = await summarize(["Ana", "I suggest we pin the Node version."], ["Ben", "sounds good 👍"]);
    expect([lets.decisions, should.decisions, suggest.decisions]).toEqual([
      ["Roll back to v2.14.3 now."],
      ["Keep the old formatter for PDFs."],
      ["Pin the Node version."],
    ]);
  });

  it("does not let people confirm their own proposal", async () => {
    const result = await summarize(["Ana", "Proposal: drop IE support"], ["Ana", "sounds good to me"]);
    expect(result.decisions).toEqual([]);
  });

  it("ignores a confirmation that comes long after the proposal", async () => {
    const filler: Line[] = ["one", "two", "three", "four", "five"].map((t, i) => [
      i % 2 ? "Cy" : "Dee",
      `${t} unrelated remark`,
    ]);
    const result = await summarize(["Ana", "Proposal: drop IE support"], ...filler, ["Ben", "sounds good"]);
    expect(result.decisions).toEqual([]);
  });

  it("reads a thumbs-up to a conclusion as agreement, but not a thumbs-up to any statement", async () => {
    const conclusion = await summarize(["Ana", "Great. So freeze from Dec 19 to Jan 5."], ["Ben", "👍"]);
    const statement = await summarize(["Ana", "The staging cluster is down on Saturday."], ["Ben", "👍"]);
    expect(conclusion.decisions).toEqual(["Freeze from Dec 19 to Jan 5."]);
    expect(statement.decisions).toEqual([]);
  });

  it("does not read 'agree with' or a promise after 'agreed' as a decision", async () => {
    const result = await summarize(
      ["Ana", "Agree with Dan on the reporting part."],
      ["Ben", "de acuerdo, hago el rollback ahora"],
    );
    expect(result.decisions).toEqual([]);
  });

  it("keeps the later wording when a decision is restated", async () => {
    const result = await summarize(
      ["Ana", "+1 to URL versioning"],
      ["Ben", "Final answer: URL prefix versioning, starting with /v2 for orders."],
    );
    expect(result.decisions).toEqual(["URL prefix versioning, starting with /v2 for orders."]);
  });

  it.each([
    ["Ok, dann lass uns auf Kafka migrieren.", "Einverstanden 👍", "Auf Kafka migrieren."],
    ["Perfecto, vamos con la opción B.", "de acuerdo", "Vamos con la opción B."],
    ["D'accord, on part sur la nouvelle page.", "parfait", "On part sur la nouvelle page."],
  ])("understands German, Spanish and French cues: %j", async (text, reply, decision) => {
    const result = await summarize(["Ana", text], ["Ben", reply]);
    expect(result.decisions).toEqual([decision]);
  });
});

describe("OfflineSummarizer action items", () => {
  it.each([
    ["I'll write the postmortem doc.", "write the postmortem doc"],
    ["I will update the runbook tonight.", "update the runbook tonight"],
    ["I can take the SAML integration.", "take the SAML integration"],
    ["Tomorrow I'll send the draft to legal.", "send the draft to legal"],
  ])("makes the author the owner of %j", async (text, task) => {
    const result = await summarize(["Ana", "Where are we on this?"], ["Ben", text]);
    expect(result.actionItems).toEqual([{ owner: "Ben", text: task }]);
  });

  it("makes a mentioned person the owner of a request", async () => {
    const result = await summarize(["Ana Souza", "`@Bob Lee` can you get a cost estimate for the replica?"]);
    expect(result.actionItems).toEqual([{ owner: "Bob Lee", text: "get a cost estimate for the replica" }]);
  });

  it("resolves a first name to the participant's display name", async () => {
    const result = await summarize(
      ["Bob Lee", "I'm around."],
      ["Ana Souza", "Bob, please update the API guidelines doc."],
    );
    expect(result.actionItems).toEqual([{ owner: "Bob Lee", text: "update the API guidelines doc" }]);
  });

  it("gives an unaddressed request to whoever says they will do it", async () => {
    const result = await summarize(["Ana", "Can you rerun the nightly job?"], ["Ben", "on it"]);
    expect(result.actionItems).toEqual([{ owner: "Ben", text: "rerun the nightly job" }]);
    expect(result.openQuestions).toEqual([]);
  });

  it("lists notes and calls for anyone without an owner", async () => {
    const result = await summarize(
      ["Ana", "TODO: add a null check for empty promo codes"],
      ["Ben", "action item: tune the autovacuum settings"],
      ["Cy", "Someone needs to tell the mobile team."],
    );
    expect(result.actionItems).toEqual([
      { text: "add a null check for empty promo codes" },
      { text: "tune the autovacuum settings" },
      { text: "tell the mobile team" },
    ]);
  });

  it("gives a call for anyone to the person who takes it on", async () => {
    const result = await summarize(
      ["Ana", "Someone needs to rotate the staging keys."],
      ["Ben", "I'll do it"],
    );
    expect(result.actionItems).toEqual([{ owner: "Ben", text: "rotate the staging keys" }]);
  });

  it("folds 'sure, I'll …' into the request it accepts", async () => {
    const result = await summarize(
      ["Ana", "`@Aisha` could you fix the flaky tests?"],
      ["Aisha", "sure, I'll start with checkout"],
    );
    expect(result.actionItems).toEqual([{ owner: "Aisha", text: "fix the flaky tests" }]);
  });

  it("drops a request that its owner reports as done", async () => {
    const result = await summarize(
      ["Jan", "Elif, can you open a case with AWS support?"],
      ["Elif", "done ✅ case 1182"],
    );
    expect(result.actionItems).toEqual([]);
  });

  it("writes the requester's name for 'me'", async () => {
    const result = await summarize(["Bea", "`@Yusuf` can you send me the link?"]);
    expect(result.actionItems).toEqual([{ owner: "Yusuf", text: "send Bea the link" }]);
  });

  it.each([
    "I'll be out tomorrow.",
    "Let me know if it breaks.",
    "I can see the problem.",
    "If I'll have time, maybe.",
  ])("does not read %j as a task", async (text) => {
    const result = await summarize(["Ana", text]);
    expect(result.actionItems).toEqual([]);
  });

  it("reads German, Spanish and French promises", async () => {
    const result = await summarize(
      ["Felix", "Ich kümmere mich um den Migrationsplan."],
      ["Diego", "Mañana me encargo de configurar el flag."],
      ["Hugo", "Je m'occupe de préparer les données."],
    );
    expect(result.actionItems.map((item) => `${item.owner}: ${item.text}`)).toEqual([
      "Felix: den Migrationsplan",
      "Diego: configurar el flag",
      "Hugo: préparer les données",
    ]);
  });
});

describe("OfflineSummarizer open questions", () => {
  it("lists a question nobody answered", async () => {
    const result = await summarize(["Ana", "Deploy is done."], ["Ben", "Why didn't the canary catch this?"]);
    expect(result.openQuestions).toEqual(["Why didn't the canary catch this?"]);
  });

  it("drops a question someone else answered soon after", async () => {
    const result = await summarize(
      ["Ana", "Is the feature flag on for everyone?"],
      ["Ben", "flag is at 100%, yes"],
    );
    expect(result.openQuestions).toEqual([]);
  });

  it.each([
    ["a reply that is only a question", "When is the copy freeze?"],
    ["a me-too reply", "Same question here."],
    ["a bump", "Anyone? Need this today."],
    ["a change of topic", "btw the coffee machine is fixed"],
    ["an emoji that is not agreement", "👀"],
  ])("keeps a question open after %s", async (_label, reply) => {
    const result = await summarize(["Ana", "Who owns the Vault policies these days?"], ["Ben", reply]);
    expect(result.openQuestions).toContain("Who owns the Vault policies these days?");
  });

  it("does not count the asker's own follow-up as an answer", async () => {
    const result = await summarize(["Ana", "Who owns the Vault policies?"], ["Ana", "Asking for the audit."]);
    expect(result.openQuestions).toEqual(["Who owns the Vault policies?"]);
  });

  it("waits for the mentioned person when a question names someone", async () => {
    const other = await summarize(
      ["Ana", "`@Carol` what's the ETA for the fix?"],
      ["Ben", "No idea, sorry."],
    );
    const carol = await summarize(
      ["Ana", "`@Carol` what's the ETA for the fix?"],
      ["Carol", "Tomorrow noon."],
    );
    expect(other.openQuestions).toEqual(["Carol what's the ETA for the fix?"]);
    expect(carol.openQuestions).toEqual([]);
  });

  it("does not count an answer that comes more than 5 messages later", async () => {
    const chatter: Line[] = [1, 2, 3, 4, 5].map((n) => ["Ana", `note number ${n} for the log`]);
    const result = await summarize(["Ana", "Who owns the Vault policies?"], ...chatter, [
      "Ben",
      "Security does.",
    ]);
    expect(result.openQuestions).toEqual(["Who owns the Vault policies?"]);
  });

  it("skips prompts too short to stand alone", async () => {
    const result = await summarize(["Ana", "Proposal text here without cue."], ["Ana", "Thoughts?"]);
    expect(result.openQuestions).toEqual([]);
  });

  it("recognises a question without a question mark and keeps Spanish and French forms", async () => {
    const result = await summarize(
      ["Ana", "how do we rotate the keys"],
      ["Ana", "¿Quién revisa los textos?"],
      ["Ana", "Qui présente la partie technique ?"],
    );
    expect(result.openQuestions).toEqual([
      "How do we rotate the keys?",
      "¿Quién revisa los textos?",
      "Qui présente la partie technique ?",
    ]);
  });
});
