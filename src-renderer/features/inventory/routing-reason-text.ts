import type { TFunction } from 'i18next';

/**
 * Routing writes its reasons in English (src-main/modules/routing/routing-plan.ts,
 * routing.service.ts) and appends them to the order's reasons as one line,
 * "routing: " + reasons.join("; "). Here they are said in the UI language; warehouse codes,
 * carrier codes, SKUs, amounts and dates stay as written. A clause in an unknown wording is
 * shown as written.
 */
const PREFIX = 'routing: ';
const AMOUNT = '(?:¥|[A-Z]{3} )-?[\\d,.]+';
const SEEN = new RegExp(
  `^(\\S+): (in stock|short of (.+?))(?:, (${AMOUNT}) via (\\S+) \\((\\d+) d\\)|, no carrier)$`,
);

/** Why one carrier cannot take the parcel (routing-plan.ts `refusal` and `quoteCarriers`). */
function refusalText(t: TFunction, why: string): string {
  const fixed: Record<string, string> = {
    'no cold chain for fresh goods': 'noColdChain',
    'bulky goods need a freight line': 'bulky',
    'no batteries by air': 'batteriesByAir',
    'does not accept batteries': 'noBatteries',
    'no liquids by air': 'liquidsByAir',
    'no cash on delivery': 'noCod',
  };
  const key = fixed[why];
  if (key) return t(`routing.reason.refusal.${key}`);
  let m: RegExpExecArray | null;
  if ((m = /^(\d+) g is over its (\d+) g limit$/.exec(why)))
    return t('routing.reason.refusal.overWeight', { grams: m[1], limit: m[2] });
  if ((m = /^no rate for (.+) \((.+)\) at (\d+) g$/.exec(why)))
    return t('routing.reason.refusal.noRate', { dest: m[1], zone: m[2], grams: m[3] });
  if ((m = /^(\d+) days is slower than the promised (\d+)$/.exec(why)))
    return t('routing.reason.refusal.slower', { days: m[1], promise: m[2] });
  return why;
}

/** "A: no batteries by air; B: …" → each carrier with its refusal. */
function carrierRefusalsText(t: TFunction, parts: string[]): string {
  return parts
    .map((p) => {
      const m = /^(\S+): (.+)$/.exec(p);
      return m ? t('routing.reason.carrierRefused', { carrier: m[1], why: refusalText(t, m[2]!) }) : p;
    })
    .join(t('routing.explain.listJoin'));
}

/** One of the router's reasons (an element of the allocation's reasons). */
export function routingClauseText(t: TFunction, clause: string): string {
  const list = (s: string) => s.split(', ').join(t('routing.explain.listJoin'));
  let m: RegExpExecArray | null;
  if ((m = SEEN.exec(clause))) {
    const [, warehouse, , short, amount, carrier, days] = m;
    const stock = short ? t('routing.explain.short', { skus: list(short) }) : t('routing.explain.inStock');
    const ship = carrier
      ? t('routing.reason.quote', { amount, carrier, days })
      : t('routing.explain.noCarrier');
    return t('routing.reason.seen', { warehouse, stock, ship });
  }
  if ((m = /^chose (\S+) via (\S+): (.+)$/.exec(clause))) {
    const why =
      m[3] === 'cheapest in-stock option'
        ? t('routing.explain.whyCheapest')
        : m[3] === 'the only warehouse with everything in stock that a carrier can ship from'
          ? t('routing.explain.whyOnly')
          : m[3];
    return t('routing.explain.chose', { warehouse: m[1], carrier: m[2], why });
  }
  if ((m = /^no warehouse has everything; waiting for (.+) at (\S+)$/.exec(clause)))
    return t('routing.explain.waiting', { warehouse: m[2], items: list(m[1]!) });
  if ((m = /^no warehouse has everything; split by warehouse: (.+)$/.exec(clause))) {
    const parts = m[1]!.split('; ').map((g) => {
      const l = /^lines (.+) from (\S+)$/.exec(g);
      return l ? t('routing.reason.splitPart', { lines: list(l[1]!), warehouse: l[2] }) : g;
    });
    return t('routing.reason.split', { parts: parts.join(t('routing.reason.joiner')) });
  }
  if (clause === 'no active warehouse') return t('routing.reason.noWarehouse');
  if (clause === 'no carrier can take this order from any warehouse')
    return t('routing.reason.noCarrierAnywhere');
  if ((m = /^SKU (.+) is not in the catalog; add it \(skus\.save\) and route again$/.exec(clause)))
    return t('routing.reason.unknownSku', { skus: list(m[1]!) });
  if (
    (m = /^lines? (.+) ha(?:s|ve) no SKU: map (?:it|them) on the SKU mapping screen, then route again$/.exec(
      clause,
    ))
  )
    return t('routing.reason.noSku', { lines: list(m[1]!) });
  if (
    (m =
      /^pre-sale \((.+)\): the order waits until (\S+)( \(splitting is off, so the lines in stock wait too\))?$/.exec(
        clause,
      ))
  )
    return t(m[3] ? 'routing.reason.presaleWaitAll' : 'routing.reason.presaleWait', {
      dated: presaleDates(t, m[1]!),
      date: m[2],
    });
  if (
    (m =
      /^pre-sale \((.+)\): split so (the lines in stock ship now and )?each pre-sale date ships on its own$/.exec(
        clause,
      ))
  )
    return t(m[2] ? 'routing.reason.presaleSplitNow' : 'routing.reason.presaleSplit', {
      dated: presaleDates(t, m[1]!),
    });
  // Warehouses refused alike: "no carrier allowed at SH, GZ: SF (no batteries by air), ZTO (…)".
  if ((m = /^no carrier allowed at (.+?): (\S+ \(.*\))$/.exec(clause)))
    return t('routing.reason.warehousesRefused', {
      warehouses: list(m[1]!),
      refusals: m[2]!
        .split(/, (?=[^\s,()]+ \()/)
        .map((r) => {
          const c = /^(\S+) \((.*)\)$/.exec(r);
          return c ? t('routing.reason.carrierRefused', { carrier: c[1], why: refusalText(t, c[2]!) }) : r;
        })
        .join(t('routing.explain.listJoin')),
    });
  if ((m = /^no active carrier at (.+)$/.exec(clause)))
    return t('routing.reason.noActiveCarrierAt', { warehouses: list(m[1]!) });
  // The wording before refusals were grouped (orders routed earlier keep it):
  // A warehouse no carrier can ship from: "SH: A: no batteries by air; B: …" or "SH: no active carrier".
  if ((m = /^(\S+): no active carrier$/.exec(clause)))
    return t('routing.reason.warehouseRefused', {
      warehouse: m[1],
      refusals: t('routing.reason.noActiveCarrier'),
    });
  if ((m = /^(\S+): (\S+: .+)$/.exec(clause)))
    return t('routing.reason.warehouseRefused', {
      warehouse: m[1],
      refusals: carrierRefusalsText(t, m[2]!.split('; ')),
    });
  return clause;
}

/** "line 1 2026-12-01, line 3 2026-12-15" */
const presaleDates = (t: TFunction, s: string): string =>
  s
    .split(', ')
    .map((d) => {
      const m = /^line (\d+) (\S+)$/.exec(d);
      return m ? t('routing.reason.presaleLine', { line: m[1], date: m[2] }) : d;
    })
    .join(t('routing.explain.listJoin'));

/**
 * The summary line back into its clauses. Clauses may themselves hold "; " (a wait, a split,
 * an unknown SKU, a warehouse's carrier refusals), so the pieces are put back together by shape.
 */
function clausesOf(body: string): string[] {
  const pieces = body.split('; ');
  const out: string[] = [];
  let refusals = false;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const prev = out.length - 1;
    if (prev >= 0 && out[prev] === 'no warehouse has everything') out[prev] += `; ${p}`;
    else if (
      prev >= 0 &&
      /^no warehouse has everything; split by warehouse: /.test(out[prev]!) &&
      /^lines /.test(p)
    )
      out[prev] += `; ${p}`;
    else if (prev >= 0 && /is not in the catalog$/.test(out[prev]!) && p.startsWith('add it '))
      out[prev] += `; ${p}`;
    // After "no carrier can take…": "WH: CARRIER: why" opens a warehouse, "CARRIER: why" continues it.
    else if (refusals && prev >= 0 && !/^\S+: (\S+: |no active carrier$)/.test(p) && /^\S+: /.test(p))
      out[prev] += `; ${p}`;
    else out.push(p);
    if (p === 'no carrier can take this order from any warehouse') refusals = true;
  }
  return out;
}

/** An order's reason line written by routing, in the UI language; null for any other line. */
export function routingReasonText(t: TFunction, line: string): string | null {
  if (!line.startsWith(PREFIX)) return null;
  const said = clausesOf(line.slice(PREFIX.length)).map((c) => routingClauseText(t, c));
  return t('routing.reason.line', { said: said.join(t('routing.reason.joiner')) });
}

/**
 * Routing's note on an order's status change (its deciding clause, or all clauses of an
 * exception, joined by "; " without the "routing: " prefix), in the UI language; null when no
 * clause is in a wording routing writes.
 */
export function routingNoteText(t: TFunction, note: string): string | null {
  const clauses = clausesOf(note);
  const said = clauses.map((c) => routingClauseText(t, c));
  return said.some((s, i) => s !== clauses[i]) ? said.join(t('routing.reason.joiner')) : null;
}
