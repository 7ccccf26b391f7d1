import type { CoreContext } from '../../core-context';
import { BackgroundWorker, type RetryPolicy } from '../../background-worker';
import type { SecretStore } from '../../adapters/secrets/secret-store.port';
import { ChannelError, isNetworkDown, type ChannelIo } from '../../adapters/channels/channel-http';
import {
  isRefused,
  type WaybillApply,
  type WaybillApplyOrder,
  type WaybillClient,
} from '../../adapters/waybills/waybill-client';
import { AppFailure } from '../../../src-shared/result';
import { clientFor, loadAccountCredentials, workbenchOf } from './waybill-accounts.service';
import {
  dueCancelling,
  waybillsInUse,
  duePending,
  earliestDue,
  findAccount,
  findWaybill,
  markCancelled,
  markIssued,
  markRetry,
  recordRecovered,
  orderForWaybill,
  orderItems,
  type DueWaybillRow,
  type WaybillAccountRow,
  type WaybillRow,
} from './waybill.repo';
import { planWaybills, printOnArrival } from './waybill.service';

/** After maxAttempts passing failures a row is 'failed' and waits for a person ("Fetch now"). */
export type WaybillPolicy = RetryPolicy;

export const DEFAULT_WAYBILL_POLICY: WaybillPolicy = {
  baseMs: 5_000,
  capMs: 10 * 60_000,
  maxAttempts: 8,
  offlineBaseMs: 30_000,
  offlineCapMs: 15 * 60_000,
  pollMs: 60_000,
};

export interface WaybillDeps {
  secrets: SecretStore;
  io: ChannelIo;
  policy?: Partial<WaybillPolicy>;
  random?: () => number;
}

/**
 * order_channels_type for our channel kinds (the same codes on Cainiao and PDD: PDD, TB, DY…,
 * per the PDD SDK's list); the rest go as OTHERS [unconfirmed beyond TB/PDD/DY].
 */
const CHANNEL_TYPE: Record<string, string> = {
  taobao: 'TB',
  pdd: 'PDD',
  douyin: 'DY',
  amazon: 'AMAZON',
  alibaba1688: '1688',
};

const BATCH = 10;

/** Why a row whose answer was lost is not asked again by itself (sameNumberOnRetry false). */
const lostAnswer = (platform: string) =>
  `the answer was lost and ${workbenchOf(platform)} may already hold a number for this parcel (asking again might take a second one), so it is not asked again by itself; look in ${workbenchOf(platform)} first, then press "Fetch now" or scan the number at the ship desk`;

/**
 * Fetches e-waybill numbers ahead of packing, while online, so the bench can print them offline;
 * and gives numbers back when their order is cancelled or moved to another carrier.
 *
 * Numbers are asked for 10 orders per request (the API's limit), per account. Idempotency rests
 * on the package id, not on a re-read: a retry sends the same order and the same package id
 * (object_id and package_info.id, kept in waybills.package_id), which the platform answers with
 * the number it already issued, so a timeout never costs a second number. (The SDK models name
 * package_info.id as the parcel's id for split and merged orders and forbid duplicates within a
 * request; the "same order + package id → same number" rule is the platform behaviour we rely on
 * and model in the fake gateway, not checked here against Cainiao's own page.) A number arriving
 * for a row that is no longer pending is ignored. Refusals (isv.*) of a batch are asked again one
 * order at a time, so one bad address does not block nine good ones; a single refused order is
 * 'failed' with the platform's reason. The platform's ban (code 7) waits its seconds + 1 and
 * pauses the account; 5xx, timeouts and broken answers back off with jitter. While the network
 * is down the worker pauses and probes, like the outbox, without spending attempts.
 */
export class WaybillWorker extends BackgroundWorker {
  /** Accounts the platform has banned for a while (code 7): account id → until. */
  private readonly banned = new Map<number, number>();

  constructor(
    ctx: CoreContext,
    private readonly deps: WaybillDeps,
  ) {
    super(ctx, { ...DEFAULT_WAYBILL_POLICY, ...deps.policy }, deps.random ?? Math.random, 'e-waybill worker');
  }

  /** "Fetch now": an offline pause is lifted for this try (the person may know the network is back). */
  async fetchNow(): Promise<void> {
    if (this.offlineState) this.offlineState = { ...this.offlineState, retryAt: this.ctx.now() };
    await this.drain();
    // A run that was already going may have started before the rows were reset.
    if (duePending(this.ctx.sqlite, this.ctx.now()).length) await this.drain();
  }

  protected async loop(): Promise<void> {
    const { ctx } = this;
    // Most shops have no e-waybill account: then every order change costs one read, not a write
    // lock, a plan and a keychain round trip.
    if (!waybillsInUse(ctx.sqlite)) return;
    ctx.sqlite.transaction(() => planWaybills(ctx)).immediate();
    // A host without a keychain (packdesk serve) leaves the work to the desktop app on the same database.
    this.noKeychain = !(await this.deps.secrets.status()).available;
    if (this.noKeychain) return;
    for (;;) {
      if (this.pausedOffline()) return;
      const batch = this.nextBatch();
      if (batch) {
        await this.fetch(batch.account, batch.rows);
        continue;
      }
      const cancel = dueCancelling(ctx.sqlite, ctx.now()).find((w) => !this.isBanned(w.accountId));
      if (cancel) {
        await this.cancel(cancel);
        continue;
      }
      return;
    }
  }

  private isBanned(accountId: number): boolean {
    const until = this.banned.get(accountId);
    return until !== undefined && this.ctx.now() < until;
  }

  /** Up to 10 due rows of the first account that is not banned. */
  private nextBatch(): { account: WaybillAccountRow; rows: DueWaybillRow[] } | null {
    const due = duePending(this.ctx.sqlite, this.ctx.now()).filter((w) => !this.isBanned(w.accountId));
    if (!due.length) return null;
    const accountId = due[0]!.accountId;
    return {
      account: findAccount(this.ctx.sqlite, accountId)!,
      rows: due.filter((w) => w.accountId === accountId).slice(0, BATCH),
    };
  }

  protected nextWakeAt(now: number): number {
    const next = earliestDue(this.ctx.sqlite) ?? Infinity;
    // Still due after a run = skipped for a ban: look again when the first ban ends (never spin).
    if (next <= now)
      return Math.min(...[...this.banned.values()].filter((t) => t > now), now + this.policy.pollMs);
    return next;
  }

  private applyOrder(w: WaybillRow): WaybillApplyOrder {
    const o = orderForWaybill(this.ctx.sqlite, w.orderId)!;
    const items = orderItems(this.ctx.sqlite, w.orderId);
    const grams = items.reduce((n, i) => n + i.grams, 0);
    return {
      objectId: w.packageId,
      channelsType: CHANNEL_TYPE[o.channelKind] ?? 'OTHERS',
      tradeOrders: [o.externalId.replace(/[^A-Za-z0-9_-]/g, '_')],
      items: items.map((i) => ({ name: i.name.slice(0, 100), count: i.count })).slice(0, 100),
      ...(grams > 0 && { weightGrams: grams }),
      // The stored recipient is masked on platform orders; the platform decrypts by its own trade id.
      recipient: {
        name: o.recipientName,
        mobile: o.phone,
        phone: '',
        address: {
          province: o.province,
          city: o.city,
          district: o.district,
          town: o.street,
          detail: o.detail,
        },
        ...(o.channelKind === 'taobao' && { tid: o.externalId }),
      },
    };
  }

  private applyRequest(account: WaybillAccountRow, rows: WaybillRow[]): WaybillApply {
    const s = JSON.parse(account.senderJson) as Record<string, string>;
    return {
      cpCode: account.cpCode,
      sender: {
        name: s.name!,
        mobile: s.mobile ?? '',
        phone: s.phone ?? '',
        address: {
          province: s.province!,
          city: s.city!,
          district: s.district!,
          town: s.town ?? '',
          detail: s.detail!,
        },
      },
      templateUrl: account.templateUrl,
      storeCode: account.storeCode,
      orders: rows.map((w) => this.applyOrder(w)),
    };
  }

  private async fetch(account: WaybillAccountRow, rows: WaybillRow[]): Promise<void> {
    const { ctx } = this;
    let client;
    try {
      client = clientFor(
        account.platform,
        await loadAccountCredentials(this.deps.secrets, account),
        this.deps.io,
        account.gatewayUrl,
      );
    } catch (e) {
      if (!(e instanceof AppFailure)) throw e;
      return this.settle(rows, { state: 'failed', error: e.message, nextRunAt: null, count: false });
    }
    try {
      const issued = await client.apply(this.applyRequest(account, rows));
      this.offlineState = null;
      const byObject = new Map(issued.map((i) => [i.objectId, i]));
      const arrived: number[] = [];
      const refused: string[] = [];
      ctx.sqlite
        .transaction(() => {
          for (const w of rows) {
            const got = byObject.get(w.packageId);
            if (!got) {
              // Only where a repeated package id is known to get the same number (see sameNumberOnRetry).
              if (client.sameNumberOnRetry === false)
                markRetry(
                  ctx.sqlite,
                  w.id,
                  {
                    state: 'failed',
                    error: `${lostAnswer(account.platform)}: the platform answered without a number for this parcel`,
                    nextRunAt: null,
                    count: true,
                  },
                  ctx.now(),
                );
              else this.retryLater(w, 'the platform answered without a number for this parcel');
              continue;
            }
            if (isRefused(got)) {
              // The platform refused this parcel alone (Douyin's err_infos): as a single refusal.
              markRetry(
                ctx.sqlite,
                w.id,
                { state: 'failed', error: got.refusal, nextRunAt: null, count: true },
                ctx.now(),
              );
              refused.push(`Order ${w.orderId}: ${got.refusal}`);
              continue;
            }
            if (markIssued(ctx.sqlite, w.id, got, ctx.now())) {
              arrived.push(w.orderId);
              printOnArrival(ctx, findWaybill(ctx.sqlite, w.id)!);
            }
          }
        })
        .immediate();
      ctx.emit('waybills.changed', { orderIds: rows.map((w) => w.orderId) });
      for (const message of refused) ctx.emit('alert', { level: 'error', message });
      if (arrived.length) ctx.emit('orders.changed', { ids: arrived, reason: 'waybill' });
    } catch (e) {
      await this.fetchFailed(account, rows, e, client.sameNumberOnRetry !== false);
    }
  }

  private async fetchFailed(
    account: WaybillAccountRow,
    rows: WaybillRow[],
    e: unknown,
    sameNumberOnRetry: boolean,
  ): Promise<void> {
    const { ctx } = this;
    const message = (e as Error)?.message ?? String(e);
    if (!(e instanceof ChannelError)) {
      console.error('[packdesk] e-waybill fetch failed unexpectedly:', e);
      return this.settle(rows, { state: 'failed', error: message, nextRunAt: null, count: true });
    }
    if (isNetworkDown(e) && e.kind === 'offline') return this.goOffline(rows, message);
    if (e.kind === 'rate_limited') {
      const until = ctx.now() + (e.retryAfterMs ?? this.policy.baseMs);
      this.banned.set(account.id, until);
      return this.settle(rows, { state: 'pending', error: message, nextRunAt: until, count: false });
    }
    if (e.kind === 'auth') {
      ctx.emit('alert', { level: 'error', message });
      return this.settle(rows, { state: 'failed', error: message, nextRunAt: null, count: false });
    }
    if (e.kind === 'client') {
      if (rows.length > 1) {
        // One order's refusal refuses the request: ask again one by one to find it.
        for (const w of rows) {
          const fresh = findWaybill(ctx.sqlite, w.id);
          if (fresh?.state === 'pending') await this.fetch(account, [fresh]);
        }
        return;
      }
      ctx.emit('alert', { level: 'error', message: `Order ${rows[0]!.orderId}: ${message}` });
      return this.settle(rows, { state: 'failed', error: message, nextRunAt: null, count: true });
    }
    if (!sameNumberOnRetry) {
      // The request may have taken numbers, and asking again might take second ones: a person
      // looks first (see sameNumberOnRetry); "Fetch now" asks again with the same package ids.
      ctx.emit('alert', { level: 'error', message: `${lostAnswer(account.platform)}: ${message}` });
      return this.settle(rows, {
        state: 'failed',
        error: `${lostAnswer(account.platform)}: ${message}`,
        nextRunAt: null,
        count: true,
      });
    }
    // server, timeout, bad answer: the same request again later returns the same numbers.
    ctx.sqlite.transaction(() => rows.forEach((w) => this.retryLater(w, message))).immediate();
    ctx.emit('waybills.changed', { orderIds: rows.map((w) => w.orderId) });
  }

  private async cancel(w: DueWaybillRow): Promise<void> {
    const { ctx } = this;
    const account = findAccount(ctx.sqlite, w.accountId)!;
    try {
      const client = clientFor(
        account.platform,
        await loadAccountCredentials(this.deps.secrets, account),
        this.deps.io,
        account.gatewayUrl,
      );
      const code = w.waybillCode ?? (await this.recoverNumber(client, account, w));
      if (code === null) return;
      const done = await client.cancel(w.cpCode, code);
      this.offlineState = null;
      ctx.sqlite
        .transaction(() => {
          if (done) markCancelled(ctx.sqlite, w.id, ctx.now());
          else
            markRetry(
              ctx.sqlite,
              w.id,
              {
                state: 'cancelling',
                error: `The platform did not cancel ${code} (cancel_result false); cancel it in ${workbenchOf(account.platform)}`,
                nextRunAt: null,
                count: true,
              },
              ctx.now(),
            );
        })
        .immediate();
      ctx.emit('waybills.changed', { orderIds: [w.orderId] });
    } catch (e) {
      const message = (e as Error)?.message ?? String(e);
      if (e instanceof ChannelError && e.kind === 'offline') return this.goOffline([w], message);
      if (e instanceof ChannelError && e.kind === 'rate_limited') {
        const until = ctx.now() + (e.retryAfterMs ?? this.policy.baseMs);
        this.banned.set(account.id, until);
        return this.settle([w], { state: 'cancelling', error: message, nextRunAt: until, count: false });
      }
      const permanent =
        e instanceof AppFailure || (e instanceof ChannelError && (e.kind === 'client' || e.kind === 'auth'));
      if (permanent || w.attempts + 1 >= this.policy.maxAttempts) {
        ctx.emit('alert', {
          level: 'error',
          message: `E-waybill ${w.waybillCode ?? `of package ${w.packageId}`} not cancelled: ${message}`,
        });
        return this.settle([w], { state: 'cancelling', error: message, nextRunAt: null, count: true });
      }
      this.settle([w], {
        state: 'cancelling',
        error: message,
        nextRunAt: ctx.now() + this.backoff(w.attempts + 1),
        count: true,
      });
    }
  }

  /**
   * A request that went out without an answer may still have taken a number. Asking again with
   * the same package id returns that number (or a fresh one, given back at once just the same),
   * so a cancelled order never leaves a live waybill on the shop's account.
   */
  private async recoverNumber(
    client: WaybillClient,
    account: WaybillAccountRow,
    w: WaybillRow,
  ): Promise<string | null> {
    const [got] = await client.apply(this.applyRequest(account, [w]));
    if (got && isRefused(got))
      throw new ChannelError('client', `the platform would not say which number it holds: ${got.refusal}`);
    if (!got) {
      this.ctx.sqlite
        .transaction(() =>
          markCancelled(
            this.ctx.sqlite,
            w.id,
            this.ctx.now(),
            'the platform holds no number for this parcel',
          ),
        )
        .immediate();
      this.ctx.emit('waybills.changed', { orderIds: [w.orderId] });
      return null;
    }
    this.ctx.sqlite
      .transaction(() => recordRecovered(this.ctx.sqlite, w.id, got, this.ctx.now()))
      .immediate();
    return got.waybillCode;
  }

  private retryLater(w: WaybillRow, message: string): void {
    const attempt = w.attempts + 1;
    if (attempt >= this.policy.maxAttempts)
      markRetry(
        this.ctx.sqlite,
        w.id,
        {
          state: 'failed',
          error: `Gave up after ${attempt} attempts: ${message}`,
          nextRunAt: null,
          count: true,
        },
        this.ctx.now(),
      );
    else
      markRetry(
        this.ctx.sqlite,
        w.id,
        { state: 'pending', error: message, nextRunAt: this.ctx.now() + this.backoff(attempt), count: true },
        this.ctx.now(),
      );
  }

  private goOffline(rows: WaybillRow[], message: string): void {
    const retryAt = this.wentOffline(message);
    // Unreachable says nothing about these orders: the try is not counted.
    this.settle(rows, {
      state: rows[0]!.state as 'pending' | 'cancelling',
      error: message,
      nextRunAt: retryAt,
      count: false,
    });
  }

  private settle(
    rows: WaybillRow[],
    v: {
      state: 'pending' | 'failed' | 'cancelling';
      error: string;
      nextRunAt: number | null;
      count: boolean;
    },
  ): void {
    const { ctx } = this;
    ctx.sqlite.transaction(() => rows.forEach((w) => markRetry(ctx.sqlite, w.id, v, ctx.now()))).immediate();
    ctx.emit('waybills.changed', { orderIds: rows.map((w) => w.orderId) });
  }
}
