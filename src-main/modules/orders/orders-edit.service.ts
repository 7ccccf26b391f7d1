import type { z } from 'zod';
import type { CoreContext } from '../../core-context';
import type { orderEditInput } from '../../../src-shared/contract/orders.contract';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import type { HandCorrections } from './hand-corrections';
import { isMasked, regionOf, splitChineseAddress } from '../standardize';
import {
  appendReason,
  readEditable,
  writeAddress,
  writeBuyerId,
  writeCorrected,
  writeTags,
  type EditableOrder,
} from './orders-edit.repo';

type EditInput = z.output<typeof orderEditInput>;

/** The buyer's ID and the address are what review holds orders for; once routed they are fixed. */
const CORRECTABLE: readonly string[] = ['pending_review', 'held'];

/**
 * A reviewer's corrections. Tags change on every order given; the buyer ID number and the address
 * only on one order still waiting for review. The address is split with the same division data as
 * intake and refused while it is still ambiguous or masked, so a correction never stores a guess.
 * Each order gets one audit entry with the values before and after; the caller's transaction
 * makes the batch all-or-nothing.
 */
export function editOrders(ctx: CoreContext, input: EditInput, actor: string): { changed: number[] } {
  const orders = input.ids.map((id) => readEditable(ctx.sqlite, id));
  const missing = input.ids.filter((_, i) => !orders[i]);
  if (missing.length)
    throw new AppFailure('not_found', `Orders ${missing.join(', ')} do not exist; nothing was changed`, [
      { path: 'ids', message: `unknown: ${missing.join(', ')}` },
    ]);
  const now = ctx.now();
  const changed: number[] = [];
  for (const o of orders as EditableOrder[]) {
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const tags = JSON.parse(o.tagsJson) as string[];
    const drop = new Set(input.removeTags);
    const nextTags = [...tags.filter((t) => !drop.has(t)), ...input.addTags.filter((t) => !tags.includes(t))];
    const uniqueTags = [...new Set(nextTags)];
    if (JSON.stringify(uniqueTags) !== JSON.stringify(tags)) {
      writeTags(ctx.sqlite, o.id, uniqueTags, now);
      before.tags = tags;
      after.tags = uniqueTags;
    }
    if (input.buyerIdNumber !== undefined || input.address !== undefined) {
      if (!CORRECTABLE.includes(o.status))
        throw new AppFailure(
          'conflict',
          `Order ${o.id} is ${o.status}: its buyer ID and address can be corrected only while it waits for review (pending review or held); nothing was changed`,
        );
    }
    if (input.buyerIdNumber !== undefined && input.buyerIdNumber !== o.buyerIdNumber) {
      writeBuyerId(ctx.sqlite, o.id, input.buyerIdNumber, now);
      // The number itself stays out of the audit log: it is personal data the log keeps forever.
      before.buyerIdNumber = o.buyerIdNumber ? 'on file' : null;
      after.buyerIdNumber = input.buyerIdNumber ? 'on file' : null;
    }
    if (input.address !== undefined) {
      const a = correctedAddress(o, input.address);
      writeAddress(ctx.sqlite, o, a, now);
      before.address = o.addressRaw;
      after.address = a.addressRaw;
    }
    if (Object.keys(after).length === 0) continue;
    writeCorrected(
      ctx.sqlite,
      o.id,
      corrections(JSON.parse(o.correctedJson) as HandCorrections, after, input),
    );
    const corrected = Object.keys(after).filter((k) => k !== 'tags');
    // Same "review: who: what" form as a reviewer's decision (the queue drops the prefix).
    if (corrected.length)
      appendReason(ctx.sqlite, o.id, `review: ${actor}: corrected ${corrected.join(', ')}`, now);
    recordAudit(ctx.db, {
      at: now,
      actor,
      entity: 'order',
      entityId: o.id,
      action: 'edit',
      reason: `corrected ${Object.keys(after).join(', ')}`,
      data: { before, after },
    });
    changed.push(o.id);
  }
  return { changed };
}

/** The order's hand corrections after this edit: a tag added by hand and then removed is neither. */
function corrections(
  prev: HandCorrections,
  after: Record<string, unknown>,
  input: EditInput,
): HandCorrections {
  const next: HandCorrections = { ...prev };
  if ('address' in after) next.address = true;
  if ('buyerIdNumber' in after) next.buyerIdNumber = true;
  if ('tags' in after) {
    const add = new Set(input.addTags);
    const remove = new Set(input.removeTags);
    next.addTags = [...new Set([...(prev.addTags ?? []).filter((t) => !remove.has(t)), ...input.addTags])];
    next.removeTags = [
      ...new Set([...(prev.removeTags ?? []).filter((t) => !add.has(t)), ...input.removeTags]),
    ];
  }
  return next;
}

function correctedAddress(o: EditableOrder, text: string) {
  const refuse = (message: string): never => {
    throw new AppFailure('invalid_input', `Order ${o.id}: ${message}; nothing was changed`, [
      { path: 'address', message },
    ]);
  };
  if (o.country !== 'CN')
    refuse(`the order ships to ${o.country}; only a Chinese address can be corrected here`);
  if (isMasked(text)) refuse('the address is still masked (*** or 密文); type the real one');
  const split = splitChineseAddress(text);
  if (split.ambiguous)
    refuse(`the address is still ambiguous: ${split.candidates.join(' / ')}; add the province or city`);
  if (!split.province || !split.city) refuse('no province and city found in the address');
  return {
    province: split.province,
    city: split.city,
    district: split.district,
    street: split.street,
    detail: split.detail,
    addressRaw: text,
    addressMasked: isMasked(o.recipientName) || isMasked(o.phone),
    region: regionOf('CN', split.province),
  };
}
