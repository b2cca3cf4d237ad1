import { describe, expect, it } from "vitest";
import { isQuestion } from "../../../src/summarize/offline/is-question.js";

describe("isQuestion", () => {
  it.each([
    "Why didn't the canary catch this?",
    "how do we rotate the keys",
    "should we keep the old formatter",
    "¿Quién revisa los textos",
    "Qui présente la partie technique ?",
    "Wie machen wir das Monitoring",
  ])("treats %j as a question", (sentence) => {
    expect(isQuestion(sentence)).toBe(true);
  });

  it.each(["When the tests pass, we ship.", "Do the login page changes.", "What a week", "Which is fine."])(
    "treats %j as a statement",
    (sentence) => {
      expect(isQuestion(sentence)).toBe(false);
    },
  );
});
