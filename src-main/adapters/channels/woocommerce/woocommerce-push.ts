import { z } from 'zod';
import { ChannelError } from '../channel-http';
import type { PushResult, TrackingPush } from '../channel-order';

type Call = (
  path: string,
  what: string,
  send: { method: 'GET' | 'POST' | 'PUT'; body?: unknown },
) => Promise<unknown>;

const wooOrder = z.object({ id: z.number(), number: z.union([z.string(), z.number()]), status: z.string() });
const wooNotes = z.array(z.object({ id: z.number(), note: z.string() }));
const wooNote = z.object({ id: z.number() });

/** Statuses where marking the order completed would be wrong: the shop gave it up. */
const CLOSED = new Set(['cancelled', 'refunded', 'failed', 'trash']);

/** The note we post, and how a retry recognises it: it carries the tracking number. */
export const wooTrackingNote = (p: TrackingPush): string =>
  `Shipped: ${p.company} ${p.trackingNumber}${p.trackingUrl ? ` ${p.trackingUrl}` : ''}`;

/**
 * WooCommerce core has no tracking field; the reference documents two core calls, used here in
 * this order: a customer note "Shipped: <carrier> <number>" (POST …/notes, customer_note emails
 * the buyer) and the order set to completed (PUT, which sends the "Completed order" email). The
 * Shipment Tracking extension's endpoint is not used: it exists only where that paid plugin is
 * installed. Each step reads first: a note that already names the number is not posted again,
 * and a completed order is not updated again, so a retry after a lost answer doubles nothing.
 * The order is found by id = its number (WooCommerce's default); a store that renumbers orders
 * gets a clear refusal rather than a push to the wrong order.
 */
export async function pushWooTracking(read: Call, p: TrackingPush): Promise<PushResult> {
  // A read-only key reads the order and then is refused on the write: say what the key needs.
  const call: Call = (path, what, send) =>
    read(path, what, send).catch((e: unknown) => {
      if (send.method !== 'GET' && e instanceof ChannelError && e.kind === 'auth')
        throw new ChannelError(
          'auth',
          `${e.message}. Marking orders shipped needs a key with Read/Write permission`,
          e.status,
        );
      throw e;
    });
  const what = `WooCommerce order ${p.orderNumber}`;
  if (!/^\d+$/.test(p.orderNumber))
    throw new ChannelError('client', `${what}: not a WooCommerce order id (digits expected)`);
  const parsed = wooOrder.safeParse(
    await call(`wp-json/wc/v3/orders/${p.orderNumber}`, what, { method: 'GET' }),
  );
  if (!parsed.success) throw new ChannelError('bad_answer', `${what}: malformed order answer`);
  const order = parsed.data;
  if (String(order.number) !== p.orderNumber)
    throw new ChannelError(
      'client',
      `${what}: id ${order.id} carries number ${order.number}; this store renumbers orders, so the push cannot find the order by its number`,
    );
  if (CLOSED.has(order.status))
    throw new ChannelError('client', `${what} is ${order.status} in the shop; it was not marked shipped`);
  const notes = wooNotes.safeParse(
    await call(`wp-json/wc/v3/orders/${order.id}/notes`, `${what} notes`, { method: 'GET' }),
  );
  if (!notes.success) throw new ChannelError('bad_answer', `${what}: malformed notes answer`);
  const number = p.trackingNumber.toUpperCase();
  const noted = notes.data.find((n) => n.note.toUpperCase().includes(number));
  let noteId = noted?.id ?? null;
  if (!noted) {
    const posted = wooNote.safeParse(
      await call(`wp-json/wc/v3/orders/${order.id}/notes`, `${what} note`, {
        method: 'POST',
        body: { note: wooTrackingNote(p), customer_note: true },
      }),
    );
    if (!posted.success) throw new ChannelError('bad_answer', `${what}: malformed note answer`);
    noteId = posted.data.id;
  }
  if (order.status !== 'completed')
    await call(`wp-json/wc/v3/orders/${order.id}`, `${what} completion`, {
      method: 'PUT',
      body: { status: 'completed' },
    });
  return {
    outcome: noted && order.status === 'completed' ? 'already' : 'created',
    detail: `note ${noteId}`,
  };
}
