/** Why a channel call failed; the sync engine decides on retries and states from the kind. */
export type ChannelErrorKind =
  | 'offline' // DNS, refused, reset: the network or the shop is unreachable
  | 'timeout'
  | 'rate_limited' // HTTP 429 or Shopify THROTTLED
  | 'server' // 5xx
  | 'auth' // 401/403: retrying will not fix it
  | 'bad_answer' // not JSON, truncated JSON, wrong shape
  | 'client'; // other 4xx

export class ChannelError extends Error {
  constructor(
    readonly kind: ChannelErrorKind,
    message: string,
    readonly status?: number,
    /** The wait the server asked for (Retry-After, throttle status), in ms. */
    readonly retryAfterMs?: number,
    /** What came instead of JSON (an HTML page): the answer was not the API's. */
    readonly notJson?: string,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

/** Injected so tests control time and randomness and never really wait. */
export interface ChannelIo {
  fetch: typeof fetch;
  sleep(ms: number): Promise<void>;
  random(): number;
  now(): number;
  timeoutMs: number;
}

export const defaultChannelIo = (): ChannelIo => ({
  fetch: (...args) => fetch(...args),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
  timeoutMs: 30_000,
});

const OFFLINE_CODES = new Set([
  'ENOTFOUND',
  'ECONNREFUSED',
  'ECONNRESET',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function causeCode(e: unknown): string {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return '';
}

/** Retry-After is seconds or an HTTP date; missing on a 429 means the documented 2 s default. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const s = Number(header.trim());
  if (Number.isFinite(s) && s >= 0) return Math.round(s * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * One HTTP exchange that must answer JSON: network failures, timeouts, HTTP statuses and bodies
 * that are not complete JSON all become a ChannelError naming what went wrong.
 */
export async function requestJson(
  io: ChannelIo,
  url: string,
  init: RequestInit,
  what: string,
): Promise<{ body: unknown; headers: Headers; status: number }> {
  let res: Response;
  let text: string;
  const timedOut = (e: unknown) => {
    const name = (e as Error)?.name;
    return name === 'TimeoutError' || name === 'AbortError';
  };
  const noAnswer = () =>
    new ChannelError('timeout', `${what}: no answer within ${Math.round(io.timeoutMs / 1000)} s`);
  try {
    res = await io.fetch(url, { ...init, signal: AbortSignal.timeout(io.timeoutMs) });
  } catch (e) {
    const name = (e as Error)?.name;
    if (timedOut(e)) throw noAnswer();
    const code = causeCode(e);
    if (OFFLINE_CODES.has(code) || name === 'TypeError') {
      throw new ChannelError(
        'offline',
        `${what}: cannot reach ${new URL(url).host} (${code || (e as Error).message})`,
      );
    }
    throw new ChannelError('offline', `${what}: ${(e as Error)?.message ?? String(e)}`);
  }
  try {
    text = await res.text();
  } catch (e) {
    if (timedOut(e)) throw noAnswer();
    // The shop was reached and began to answer: a server or proxy fault, retried like a 5xx.
    throw new ChannelError(
      'server',
      `${what}: the answer broke off midway (${causeCode(e) || (e as Error)?.message}); nothing from it was saved`,
      res.status,
    );
  }
  const status = res.status;
  if (status === 429) {
    throw new ChannelError(
      'rate_limited',
      `${what}: rate limited (HTTP 429)`,
      status,
      retryAfterMs(res.headers.get('retry-after'), io.now()) ?? 2_000,
    );
  }
  if (status >= 500)
    throw new ChannelError(
      'server',
      `${what}: the shop answered HTTP ${status}`,
      status,
      retryAfterMs(res.headers.get('retry-after'), io.now()),
    );
  // Retrying fixes neither: the user has to act, so both are reported at once.
  if (status === 401) {
    throw new ChannelError(
      'auth',
      `${what}: the shop refused the credentials (HTTP 401${apiMessage(text)}); check them in the channel settings`,
      status,
    );
  }
  if (status === 403) {
    throw new ChannelError(
      'auth',
      `${what}: access denied (HTTP 403${apiMessage(text)}): the key lacks read permission, or the site's firewall blocks this computer; check the key's permissions and the firewall`,
      status,
    );
  }
  if (status >= 400) throw new ChannelError('client', `${what}: HTTP ${status}${apiMessage(text)}`, status);
  const type = res.headers.get('content-type') ?? '';
  // Hosts and firewalls answer 200 with an HTML login or block page.
  if (!/json/i.test(type)) {
    throw new ChannelError(
      'bad_answer',
      `${what}: expected JSON but got ${type || 'no content type'} (a login or firewall page?)`,
      status,
      undefined,
      type || 'no content type',
    );
  }
  try {
    return { body: JSON.parse(text) as unknown, headers: res.headers, status };
  } catch (e) {
    throw new ChannelError(
      'bad_answer',
      `${what}: the answer is not complete JSON (${(e as Error).message}); nothing from it was saved`,
      status,
    );
  }
}

function apiMessage(text: string): string {
  try {
    const m =
      (JSON.parse(text) as { message?: unknown; errors?: unknown }).message ??
      (JSON.parse(text) as { errors?: unknown }).errors;
    return typeof m === 'string' ? `: ${m}` : '';
  } catch {
    return '';
  }
}

export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  /** Longest server-requested wait we sit through; beyond it the run stops and the scheduler retries later. */
  maxWaitMs: number;
  tries: Partial<Record<ChannelErrorKind, number>>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  baseMs: 1_000,
  capMs: 60_000,
  maxWaitMs: 120_000,
  // Offline gives up fast: the scheduler's offline pause takes over instead of piling up waits.
  tries: { rate_limited: 6, server: 6, timeout: 3, offline: 2 },
};

/**
 * One try only: for writes driven by the outbox, which keeps its own persistent backoff and must
 * re-read the channel before trying again (a second in-process try could double a write).
 */
export const NO_RETRY: RetryPolicy = { ...DEFAULT_RETRY, tries: {} };

/** The network or the shop is unreachable: pause everything that talks to shops, not only this call. */
export const isNetworkDown = (e: unknown): e is ChannelError =>
  e instanceof ChannelError && (e.kind === 'offline' || e.kind === 'timeout');

/** Retrying cannot fix these: the shop refused the request or the credentials. */
export const isPermanent = (e: unknown): e is ChannelError =>
  e instanceof ChannelError && (e.kind === 'client' || e.kind === 'auth');

/**
 * Runs `fn` again on retryable failures: the server's wait when it gives one (Retry-After,
 * throttle status), else exponential backoff with full jitter (random in [0, min(cap, base·2ⁿ)]).
 */
export async function withRetry<T>(
  io: ChannelIo,
  fn: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry?: (e: ChannelError, waitMs: number) => void,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof ChannelError)) throw e;
      const tries = policy.tries[e.kind] ?? 1;
      if (attempt + 1 >= tries) throw e;
      const backoff = io.random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
      const wait = e.retryAfterMs !== undefined ? e.retryAfterMs : backoff;
      if (wait > policy.maxWaitMs) throw e;
      onRetry?.(e, wait);
      await io.sleep(wait);
    }
  }
}

/** Plain HTTP is refused except on this machine: credentials must not cross a network in clear. */
export function checkedBaseUrl(input: string, defaultHost?: (name: string) => string): URL {
  let text = input.trim().replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(text))
    text = `https://${defaultHost && !text.includes('.') ? defaultHost(text) : text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ChannelError('client', `"${input}" is not a web address`);
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !loopback) {
    throw new ChannelError(
      'client',
      `${url.host} must be reached over https:// so the credentials are not sent in clear`,
    );
  }
  return url;
}
