import { CLAUSE_START, FIRST_PERSON, pattern, WORD_END, WORD_START } from "./cue-patterns.js";
import { matchAnnouncedAction } from "./match-announced-action.js";
import { matchConfirmedStatement } from "./match-confirmed-statement.js";
import { matchRejection } from "./match-rejection.js";
import { matchSettledChoice } from "./match-settled-choice.js";

interface DecisionCue {
  pattern: RegExp;
  /** Turns the match into the decision's wording. */
  render(match: RegExpExecArray): string;
  /** A label ("Decision: …") makes the rest of the message part of the decision too. */
  isLabel?: boolean;
}

/** Hedges after "we'll" that announce talk, not a decision ("we'll see", "we'll need to check"). */
const HEDGE =
  "see|need|have to|probably|maybe|might|figure|talk|discuss|know|get back|revisit|be\\b|try|look|check|think|let|circle|find out|sync|chat";
/** Openings of a promise by the speaker, which is an action item, not a decision. */
const captured = (group: number) => (match: RegExpExecArray) => match[group] ?? "";

/** Cues that state a decision outright, in English, German, Spanish and French. Order matters. */
const CUES: DecisionCue[] = [
  {
    pattern: pattern(
      "^(?:final decision|final answer|decision|decided|conclusion|outcome|resolution|verdict|settled|agreed|consensus|entscheidung|beschluss|decisión|décision)\\s*[:\\-–—]\\s*(.+)",
    ),
    render: captured(1),
    isLabel: true,
  },
  {
    pattern: pattern(
      `${WORD_START}(?:we|i|the team|team)(?:'ve|\\s+have)?\\s+(?:all\\s+)?(?:decided|agreed|settled)\\s+(?!with)(?:to\\s+|that\\s+|on\\s+)?(.+)`,
    ),
    render: captured(1),
  },
  {
    // "Consensus seems to be cursor pagination", "we all agree on weekly releases": agreement reported.
    pattern: pattern(
      `${CLAUSE_START}(?:(?:the\\s+)?consensus\\s+(?:here\\s+)?(?:seems to be|appears to be|is)|(?:we|everyone)\\s+(?:all\\s+)?(?:seems?\\s+to\\s+)?agrees?\\s+(?:on|that))\\s+(?:that\\s+|on\\s+)?(.+)`,
    ),
    render: captured(1),
  },
  {
    pattern: pattern(`${CLAUSE_START}let'?s\\s+go\\s+(?:with|for)\\s+(.+)`),
    render: (m) => `go with ${m[1]}`,
  },
  {
    pattern: pattern(`${CLAUSE_START}(?:(?:so\\s+)?we'?re|we\\s+are)?\\s*going\\s+with\\s+(.+)`),
    render: (m) => `go with ${m[1]}`,
  },
  {
    pattern: pattern(`${CLAUSE_START}(we(?:'ll|\\s+will|\\s+shall)\\s+(?!${HEDGE}).+)`),
    render: captured(1),
  },
  {
    pattern: pattern(
      `${CLAUSE_START}(we(?:'re|\\s+are|'ll|\\s+will)?\\s+(?:keeping|keep|sticking with|stick with|staying with|stay with|moving to|switching to|dropping|moving forward with|going ahead with|proceeding with)\\s+(?!\\p{L}+ing${WORD_END}).+)`,
    ),
    render: captured(1),
  },
  {
    pattern: pattern(
      `${CLAUSE_START}(?:going forward|from now on|from today on|ab jetzt|ab sofort|a partir de ahora|de ahora en adelante|désormais|dorénavant)[,:]?\\s+(.+)`,
    ),
    render: captured(1),
  },
  { pattern: pattern("^\\+1\\s+(?:to|for|on)\\s+(.+)"), render: captured(1) },
  {
    pattern: pattern(
      `${CLAUSE_START}((?:wir\\s+(?:machen|nehmen|bleiben bei|gehen mit|setzen auf)|machen wir|wir haben (?:uns )?(?:entschieden|beschlossen|geeinigt))\\s+.+)`,
    ),
    render: captured(1),
  },
  {
    pattern: pattern(
      `${CLAUSE_START}((?:vamos con|nos quedamos con|decidimos|hemos decidido|acordamos|queda decidido)\\s+.+)`,
    ),
    render: captured(1),
  },
  {
    pattern: pattern(
      `${CLAUSE_START}((?:on part sur|on part avec|on va partir sur|on a décidé|nous avons décidé|c'est décidé|on garde|on valide)\\s*.+)`,
    ),
    render: captured(1),
  },
  {
    // "agreed, CSV export goes to sprint 43" — but "de acuerdo, hago el rollback" is a promise.
    pattern: pattern(
      `^(?:agreed|einverstanden|de acuerdo|acordado|d'accord)\\s*[,:;.!–—-]\\s*(?=\\S)(?!(?:${FIRST_PERSON})${WORD_END})(.+\\s.+)`,
    ),
    render: captured(1),
  },
];

export interface ExplicitDecision {
  text: string;
  isLabel: boolean;
  /** A choice too short to read alone ("Relay it is"). */
  isBare?: boolean;
}

/** The decision a sentence states outright ("let's go with …", "decision: …", "we'll …"), if any. */
export function matchExplicitDecision(sentence: string): ExplicitDecision | undefined {
  for (const cue of CUES) {
    const match = cue.pattern.exec(sentence);
    if (match === null) continue;
    const text = cue.render(match);
    if (cue.isLabel !== true) return { text, isLabel: false };
    // "Agreed — let's go with X": what follows a label may state the decision itself, in its own words.
    const stated = matchExplicitDecision(text);
    return { text: stated && !stated.isLabel ? stated.text : text, isLabel: true };
  }
  const choice = matchSettledChoice(sentence);
  if (choice !== undefined) return { text: choice.text, isLabel: false, isBare: choice.isBare };
  const text =
    matchRejection(sentence) ?? matchAnnouncedAction(sentence) ?? matchConfirmedStatement(sentence);
  return text === undefined ? undefined : { text, isLabel: false };
}
