import type { TFunction } from 'i18next';
import type { OrderDetail } from '../../../src-shared/contract/orders.contract';
import { routingNoteText, routingReasonText } from '../inventory/routing-reason-text';
import { packProblemsText } from '../packing/pack-problems-text';
import { intakeReasonText } from './intake-reason-text';
import { fieldsText, reviewReasonText, ruleReasonText } from '../review/review-reason-text';

/**
 * The core writes an order's notes in English: the reason of each history entry (audit) and some
 * of the order's reason lines. The wordings it writes itself (picking's wave and slot, packing's
 * session, a short pick, a split or merge, the channel's cancellation, the review rules' and
 * routing's decisions) are said in the UI language here; wave and order numbers, SKUs, carriers,
 * tracking numbers and the channel's own status are kept. What a person typed (a hold reason,
 * "phoned in") and any unknown wording are shown as written.
 */
type Rule = [RegExp, (t: TFunction, m: Record<string, string>) => string];

/** "#8, #9" stays as written: order numbers read the same in every language, joined the UI's way. */
const ids = (t: TFunction, s: string) => s.split(', ').join(t('orders.note.listJoin'));

/** Wordings the core writes as a whole note (orders, fulfillment, intake, merge-split services). */
const NOTES: Rule[] = [
  // waves.service: each order of a new wave gets its tote slot.
  [/^wave (?<wave>\d+), slot (?<slot>\d+)$/, (t, m) => t('orders.note.wave', m)],
  // packing.service: the packing session, the box, a supervisor's override.
  [
    /^packed in session (?<session>\d+)(?:, box (?<box>\S+))?(?<override> \(supervisor override\))?$/,
    (t, m) =>
      t('orders.note.packed', { session: m.session }) +
      (m.box ? t('orders.note.packedBox', { box: m.box }) : '') +
      (m.override ? t('orders.note.packedOverride') : ''),
  ],
  // short-pick.service: the order leaves the wave (allocated), then is routed again (approved).
  [
    /^short pick in wave (?<wave>\d+): (?<found>\d+) of (?<required>\d+) × (?<sku>\S+) found(?<again>; re-routing)?$/,
    (t, m) => t(m.again ? 'orders.note.shortPickReroute' : 'orders.note.shortPick', m),
  ],
  // merge-split.service: the original is cancelled into its parts, the parts say where they came from.
  [/^split into (?<ids>#\d+(?:, #\d+)*)$/, (t, m) => t('orders.note.splitInto', { ids: ids(t, m.ids!) })],
  [
    /^split from (?<id>#\d+)(?:: (?<why>[\s\S]+))?$/,
    (t, m) => t(m.why ? 'orders.note.splitFromWhy' : 'orders.note.splitFrom', m),
  ],
  [/^merged into (?<id>#\d+)$/, (t, m) => t('orders.note.mergedInto', m)],
  [
    /^merged from (?<ids>#\d+(?:, #\d+)*)(?:: (?<why>[\s\S]+))?$/,
    (t, m) =>
      t(m.why ? 'orders.note.mergedFromWhy' : 'orders.note.mergedFrom', { ...m, ids: ids(t, m.ids!) }),
  ],
  // order-write (intake): the channel's own word on the order, in its own language.
  [/^cancelled on the channel \((?<status>.*)\)$/, (t, m) => t('orders.note.channelCancelled', m)],
  [
    /^already shipped on the channel \((?<status>.*)\): not packed here; cancel it, or approve it to pack it anyway$/,
    (t, m) => t('orders.note.channelShipped', m),
  ],
  // review-decide.service: a decision taken without a reason; review.service: no rule decided.
  [
    /^manual (?<decision>approve|reject|hold)$/,
    (t, m) => t('orders.note.manual', { decision: t(`review.reason.decision.${m.decision}`) }),
  ],
  [/^review rules$/, (t) => t('orders.note.reviewRules')],
  // manual-entry.service and orders-edit.service.
  [/^entered by hand \((?<channel>\S+)\)$/, (t, m) => t('orders.note.enteredByHand', m)],
  [
    /^corrected (?<fields>\w+(?:, \w+)*)$/,
    (t, m) => t('orders.note.corrected', { fields: fieldsText(t, m.fields!) }),
  ],
];

/** Notes whose whole wording is "<carrier> <number>" (or "<channel>: …"), by the entry they belong to. */
const BY_ACTION: Record<string, Rule> = {
  // shipping.service: the status change to shipped.
  shipped: [/^(?<carrier>\S+) (?<tracking>\S+)$/, (t, m) => t('orders.note.shipped', m)],
  // waybill.service: the platform e-waybill printed by itself once its number arrived.
  waybill_printed_on_arrival: [
    /^(?<carrier>\S+) (?<code>\S+)$/,
    (t, m) => t('orders.note.waybillPrinted', m),
  ],
  // packing.service: a supervisor's override, with what was wrong with the parcel.
  pack_override: [
    /^supervisor (?<supervisor>.+?): (?<reason>[\s\S]*) \((?<problems>(?:missing |\d+ wrong or extra scan|the parcel weighs )[\s\S]*)\)$/,
    (t, m) =>
      t('orders.note.override', {
        supervisor: m.supervisor,
        reason: m.reason,
        problems: packProblemsText(t, m.problems!),
      }),
  ],
  // outbox-worker: the tracking number reached the channel.
  'tracking-pushed': [
    /^(?<channel>.+): (?<carrier>\S+) (?<tracking>\S+)$/,
    (t, m) => t('orders.note.trackingPushed', m),
  ],
};

function read(t: TFunction, rules: Rule[], text: string): string | null {
  for (const [re, say] of rules) {
    const m = re.exec(text);
    if (m) return say(t, m.groups ?? {});
  }
  return null;
}

/** A note in one of the wordings above (a release in the stock ledger carries its order's note), or null. */
export const orderNoteText = (t: TFunction, note: string): string | null => read(t, NOTES, note);

/** Status changes routing decides: its note is its choice, its wait or (for an exception) all its clauses. */
const ROUTED = new Set(['allocated', 'backordered', 'exception']);

type HistoryEntry = Pick<OrderDetail['history'][number], 'action' | 'from' | 'to' | 'reason'>;

/** The reason of one history entry in the UI language; '' when it has none. */
export function historyNoteText(t: TFunction, h: HistoryEntry): string {
  const note = h.reason;
  if (!note) return '';
  const key = h.action === 'status' && h.to === 'shipped' ? 'shipped' : h.action;
  const byAction = BY_ACTION[key];
  const said = (byAction && read(t, [byAction], note)) ?? read(t, NOTES, note);
  if (said !== null) return said;
  if (h.action === 'status' && h.to !== null && ROUTED.has(h.to)) {
    const routed = routingNoteText(t, note);
    if (routed !== null) return routed;
  }
  // The review rules' deciding reason ("<rule>: hold: …"); anything else comes back as written.
  return ruleReasonText(t, note);
}

/**
 * Who made a history entry: a person's name as written; the core's own workers by what they are
 * ("review-rules (anna)" is the review rules run by anna).
 */
export function historyActorText(t: TFunction, actor: string): string {
  const rules = /^review-rules(?: \((?<who>.+)\))?$/.exec(actor)?.groups;
  if (rules)
    return rules.who
      ? t('orders.actor.rulesBy', { who: historyActorText(t, rules.who) })
      : t('orders.actor.rules');
  // http-server: a browser on this computer, or one on the LAN (with its address).
  const lan = /^lan:(?<address>.+)$/.exec(actor)?.groups;
  if (lan) return t('orders.actor.lan', lan);
  return ['local', 'outbox', 'waybill', 'system', 'cli', 'demo'].includes(actor)
    ? t(`orders.actor.${actor}`)
    : actor;
}

/** One of the order's reason lines (the drawer's list): routing's, intake's, the review's, or a note above. */
export function orderReasonText(t: TFunction, line: string): string {
  return (
    routingReasonText(t, line) ??
    intakeReasonText(t, line) ??
    read(t, NOTES, line) ??
    reviewReasonText(t, line)
  );
}
