import type { TFunction } from 'i18next';

/**
 * The core records review reasons as English text (review-engine.ts, review-decide.service.ts):
 *   "review: <rule name>: hold: <reason>; tag vip"      a rule that matched, with what it did
 *   "review: <actor>: approve — <why>"                  a person's decision in the review queue
 * The rule name, hold/block reasons, tags and the person's words are the shop's own text and stay
 * as written; the words around them are translated here. A line in any other shape (intake,
 * routing, a hand correction) is shown as the core wrote it.
 */
const PREFIX = 'review: ';

/** Where each action the engine writes begins; used to find where the rule name ends. */
const PART_START =
  /^(?:approve$|approve; |hold: |blocked: |document required: |tag |priority \d|[a-z_]+ on file)/;
/** "; " between two actions (not a "; " inside a hold reason). */
const PART_SPLIT =
  /; (?=approve(?:;|$)|hold: |blocked: |document required: |tag |priority \d|[a-z_]+ on file)/;

function actionText(t: TFunction, part: string): string {
  const doc = (d: string) => t(`review.document.${d}`, { defaultValue: d });
  let m: RegExpExecArray | null;
  if (part === 'approve') return t('review.reason.approve');
  if ((m = /^hold: ([\s\S]*)$/.exec(part))) return t('review.reason.hold', { reason: m[1] });
  if ((m = /^blocked: ([\s\S]*)$/.exec(part))) return t('review.reason.blocked', { reason: m[1] });
  if ((m = /^document required: (\w+)$/.exec(part)))
    return t('review.reason.documentRequired', { document: doc(m[1]!) });
  if ((m = /^(\w+) on file$/.exec(part))) return t('review.reason.documentOnFile', { document: doc(m[1]!) });
  if ((m = /^tag ([\s\S]+)$/.exec(part))) return t('review.reason.tag', { tag: m[1] });
  if ((m = /^priority (\d+)$/.exec(part))) return t('review.reason.priority', { priority: m[1] });
  return part;
}

/** One reason as the engine gives it ("<rule name>: hold: <reason>"), e.g. in a simulation. */
export function ruleReasonText(t: TFunction, reason: string): string {
  // The rule name ends at the first ": " that is followed by an action the engine writes.
  for (let i = reason.indexOf(': '); i > 0; i = reason.indexOf(': ', i + 1)) {
    const rest = reason.slice(i + 2);
    if (!PART_START.test(rest)) continue;
    const said = rest
      .split(PART_SPLIT)
      .map((p) => actionText(t, p))
      .join(t('review.reason.joiner'));
    return t('review.reason.line', { rule: reason.slice(0, i), said });
  }
  return reason;
}

/** One line of an order's reasons: review lines translated, any other line as the core wrote it. */
export function reviewReasonText(t: TFunction, line: string): string {
  if (!line.startsWith(PREFIX)) return line;
  const body = line.slice(PREFIX.length);
  const manual = /^(.+?): (approve|reject|hold) — ([\s\S]*)$/.exec(body);
  if (manual) {
    const [, actor, decision, why] = manual;
    const said = t(`review.reason.decision.${decision}`);
    // Decided without a reason, the core writes "manual <decision>" as the reason.
    return why === `manual ${decision}`
      ? t('review.reason.manualBare', { actor, decision: said })
      : t('review.reason.manual', { actor, decision: said, why });
  }
  // orders-edit.service: "review: <actor>: corrected buyerIdNumber, address".
  const corrected = /^(.+?): corrected (\w+(?:, \w+)*)$/.exec(body);
  if (corrected)
    return t('review.reason.corrected', { actor: corrected[1], fields: fieldsText(t, corrected[2]!) });
  return ruleReasonText(t, body);
}

/** orders-edit.service names the corrected fields by their contract names (address, buyerIdNumber, tags). */
export const fieldsText = (t: TFunction, fields: string): string =>
  fields
    .split(', ')
    .map((f) => t(`review.reason.field.${f}`, { defaultValue: f }))
    .join(t('review.reason.listJoin'));
