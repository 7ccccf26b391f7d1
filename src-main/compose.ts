import { drizzle } from 'drizzle-orm/better-sqlite3';
import { openDatabase, startCheckpoints, type Sqlite } from './adapters/db/open';
import { migrateDatabase } from './adapters/db/migrate';
import { migrationsDir as defaultMigrationsDir } from './adapters/db/paths';
import * as schema from './adapters/db/schema';
import type { CallContext, CoreContext } from './core-context';
import { createDispatcher, type Handlers } from './dispatch';
import { EventBus, type EventListener } from './event-bus';
import type { Result } from '../src-shared/result';
import { demoHandlers } from './modules/demo';
import { ordersHandlers } from './modules/orders';
import { channelsHandlers } from './modules/channels';
import { inventoryHandlers } from './modules/inventory';
import { allocateBackorders, routingHandlers } from './modules/routing';
import { settingsHandlers } from './modules/settings';
import { reviewHandlers } from './modules/review';
import { systemHandlers } from './modules/system';
import { documentsHandlers } from './modules/documents';
import { PrintQueue, printingHandlers, type PrintQueueDeps } from './modules/printing';
import { unavailableSystemPrinters } from './adapters/printers/system-printer.port';
import {
  createFolderWatcher,
  folderHandlers,
  intakeHandlers,
  manualEntryHandlers,
  type FolderWatcher,
  type FolderWatcherOptions,
} from './modules/intake';
import { catalogHandlers } from './modules/catalog';
import { standardizeHandlers } from './modules/standardize';
import { customersHandlers } from './modules/customers';
import { fulfillmentHandlers } from './modules/fulfillment';
import { createSyncScheduler, syncHandlers, type SchedulerOptions, type SyncScheduler } from './modules/sync';
import { defaultChannelIo, type ChannelIo } from './adapters/channels/channel-http';
import { OutboxWorker, outboxHandlers, type OutboxDeps } from './modules/outbox';
import { noSecretStore, type SecretStore } from './adapters/secrets/secret-store.port';
import { createAutoPipeline, pipelineHandlers } from './modules/pipeline';
import { WaybillWorker, waybillHandlers, withDouyinPrintParams, type WaybillDeps } from './modules/waybill';

export interface CoreOptions {
  dbPath: string;
  now?: () => number;
  migrationsDir?: string;
  /** Check every result against the contract too (tests and development). */
  validateOutput?: boolean;
  /** Printing drivers: the desktop host passes its system-printer port. */
  printing?: Partial<PrintQueueDeps>;
  /**
   * Channel API sync: the desktop host passes its safeStorage-backed secret store; tests pass a
   * fake HTTP/clock.
   */
  sync?: { secrets?: SecretStore; io?: Partial<ChannelIo> } & Partial<
    Omit<SchedulerOptions, 'ctx' | 'secrets' | 'io'>
  >;
  /** Tracking pushes: backoff and attempts (tests shorten them); HTTP and secrets come from `sync`. */
  outbox?: Omit<OutboxDeps, 'secrets' | 'io'>;
  /** E-waybill fetching: backoff and attempts (tests shorten them); HTTP and secrets come from `sync`. */
  waybills?: Omit<WaybillDeps, 'secrets' | 'io'>;
  /** Channels' watched drop folders: poll interval and settle time (tests shorten them). */
  folders?: Omit<FolderWatcherOptions, 'ctx'>;
  /** Automatic review and routing: the quiet time before a run (tests shorten it). */
  pipeline?: { debounceMs?: number };
}

export interface Core {
  /** The one entry point used by every host: IPC, HTTP and the CLI. */
  call(name: unknown, input: unknown, call?: CallContext): Promise<Result<unknown>>;
  subscribe(listener: EventListener): () => void;
  /** For in-process tools (CLI, demo, bench) that work below the contract. */
  readonly ctx: CoreContext;
  readonly dbPath: string;
  readonly printQueue: PrintQueue;
  readonly sync: SyncScheduler;
  readonly outbox: OutboxWorker;
  readonly waybills: WaybillWorker;
  readonly folders: FolderWatcher;
  /**
   * Background work of a long-running host (the desktop app, `packdesk serve`): the print queue
   * (which also recovers jobs a crash left behind), channel sync, the tracking-push outbox, watched
   * folders and automatic review and routing of new orders. One-shot CLI commands never
   * start it, so a `packdesk orders list` never prints or pulls.
   */
  startBackgroundWork(): void;
  close(): void;
}

export function createCore(opts: CoreOptions): Core {
  const migrationsDir = opts.migrationsDir ?? defaultMigrationsDir();
  const sqlite: Sqlite = openDatabase(opts.dbPath);
  migrateDatabase(sqlite, migrationsDir);
  const stopCheckpoints = startCheckpoints(sqlite);
  const bus = new EventBus();
  const ctx: CoreContext = {
    db: drizzle(sqlite, { schema }),
    sqlite,
    now: opts.now ?? Date.now,
    emit: (name, payload) => bus.emit(name, payload),
  };
  const {
    secrets = noSecretStore('This Packdesk host (command line or packdesk serve)'),
    io,
    ...syncOpts
  } = opts.sync ?? {};
  const channelIo = { ...defaultChannelIo(), ...io };
  // Douyin e-waybills get their signed print params (from the account's credentials) as they are sent.
  const printQueue = new PrintQueue(ctx, {
    systemPrinters: unavailableSystemPrinters,
    ...opts.printing,
    waybill: withDouyinPrintParams(ctx, secrets, opts.printing?.waybill),
  });
  const sync = createSyncScheduler({ ...syncOpts, ctx, secrets, io: channelIo });
  const outbox = new OutboxWorker(ctx, { ...opts.outbox, secrets, io: channelIo });
  const waybills = new WaybillWorker(ctx, { ...opts.waybills, secrets, io: channelIo });
  // A shipment queues its push inside the ship transaction; this event comes after the commit.
  // (kick does nothing until background work has started.)
  // Likewise a parcel packed at the bench queues its label and packing slip: print them now.
  bus.subscribe((e) => {
    if (e.name !== 'orders.changed') return;
    const { reason } = e.payload as { reason: string };
    if (reason === 'shipped') outbox.kick();
    if (reason === 'packed' || reason === 'waybill') printQueue.kick();
    // Routing, cancellation or a reroute may need a number fetched or given back.
    if (reason !== 'waybill') waybills.kick();
  });
  const folders = createFolderWatcher({ ...opts.folders, ctx });
  // Runs pipeline.pass (review, then routing, in one transaction) through the dispatcher below.
  const pipeline = createAutoPipeline({
    ...opts.pipeline,
    ctx,
    call: (name, input, call) => dispatch(name, input, call),
    subscribe: (listener) => bus.subscribe(listener),
  });
  const handlers: Handlers = {
    ...ordersHandlers(ctx),
    ...channelsHandlers(ctx),
    ...inventoryHandlers(ctx, { allocateBackorders: (skus, actor) => allocateBackorders(ctx, skus, actor) }),
    ...routingHandlers(ctx),
    ...settingsHandlers(ctx),
    ...reviewHandlers(ctx),
    ...systemHandlers(ctx, { dbPath: opts.dbPath, migrationsDir }),
    ...documentsHandlers(ctx),
    ...printingHandlers(ctx, printQueue, opts.printing?.systemPrinters ?? unavailableSystemPrinters),
    ...intakeHandlers(ctx),
    ...folderHandlers(ctx, folders),
    ...standardizeHandlers(ctx),
    ...customersHandlers(ctx),
    ...syncHandlers(ctx, { scheduler: sync, secrets }),
    ...demoHandlers(ctx),
    ...fulfillmentHandlers(ctx),
    ...outboxHandlers(ctx, outbox),
    ...manualEntryHandlers(ctx),
    ...catalogHandlers(ctx),
    ...pipelineHandlers(ctx, pipeline),
    ...waybillHandlers(ctx, { worker: waybills, secrets, io: channelIo }),
  };
  const dispatch = createDispatcher({ sqlite, bus, handlers, validateOutput: opts.validateOutput ?? false });
  let closed = false;
  return {
    call: (name, input, call = { actor: 'system' }) => dispatch(name, input, call),
    subscribe: (listener) => bus.subscribe(listener),
    ctx,
    dbPath: opts.dbPath,
    printQueue,
    sync,
    outbox,
    waybills,
    folders,
    startBackgroundWork() {
      printQueue.start();
      sync.start();
      outbox.start();
      waybills.start();
      folders.start();
      pipeline.start();
    },
    close() {
      if (closed) return;
      closed = true;
      printQueue.stop();
      sync.stop();
      outbox.stop();
      waybills.stop();
      folders.stop();
      pipeline.stop();
      stopCheckpoints();
      try {
        sqlite.pragma('optimize');
      } catch {
        // Statistics are a nicety; a damaged file must still close.
      }
      sqlite.close();
    },
  };
}
