import { createStore, type StoreApi } from 'zustand';
import type { OpInput } from '../../../../src-shared/contract';
import type { SkuHit } from '../../../../src-shared/contract/catalog.contract';
import type { CustomerMatch } from '../../../../src-shared/contract/customers.contract';
import {
  MANUAL_CHANNEL_CODE,
  type ENTRY_PAYMENT_METHODS,
} from '../../../../src-shared/contract/order-entry.schema';
import type { OrderType } from '../../../../src-shared/domain/ids';
import { halfWidth } from '../../../../src-shared/domain/half-width';
import { formatMajor, parseWrittenMajor } from '../../../../src-shared/domain/money';
import type { AppError } from '../../../../src-shared/result';
import type { Api } from '../../../api/client';

export interface EntryLine {
  /** Stable React key: lines are added and removed while typing. */
  key: number;
  sku: string;
  title: string;
  spec: string;
  quantity: string;
  price: string;
}

export interface IntlAddress {
  country: string;
  state: string;
  city: string;
  line1: string;
  line2: string;
  postcode: string;
}

export interface EntryValues {
  channel: string;
  type: OrderType | '';
  name: string;
  phone: string;
  addressKind: 'cn' | 'intl';
  addressText: string;
  intl: IntlAddress;
  lines: EntryLine[];
  shipping: string;
  payment: (typeof ENTRY_PAYMENT_METHODS)[number] | '';
  message: string;
}

export interface EntryState {
  values: EntryValues;
  currency: string;
  /** The customer picked in the lookup, while name, phone and address are still theirs. */
  customer: CustomerMatch | null;
  /** Field path (as the server names it) → message. */
  fieldErrors: Record<string, string>;
  error: AppError | null;
  busy: boolean;
}

export interface EntryActions {
  set<K extends keyof EntryValues>(key: K, value: EntryValues[K]): void;
  setIntl(key: keyof IntlAddress, value: string): void;
  setCurrency(currency: string): void;
  /** A picked or scanned SKU: a second scan of the same SKU adds one to its line. */
  addSku(hit: SkuHit): void;
  setLine(key: number, patch: Partial<Pick<EntryLine, 'quantity' | 'price'>>): void;
  removeLine(key: number): void;
  pickCustomer(c: CustomerMatch): void;
  /** Order total in minor units, or null while an amount cannot be read. */
  totalMinor(): number | null;
  submit(): Promise<{ id: number; externalId: string } | null>;
}

export type EntryStore = StoreApi<EntryState & EntryActions>;

const emptyIntl: IntlAddress = { country: '', state: '', city: '', line1: '', line2: '', postcode: '' };

const newRequestId = (): string =>
  globalThis.crypto?.randomUUID?.() ?? `r${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;

/** The text the lookup shows and fills in for a Chinese usual address. */
export const usualAddressText = (a: NonNullable<CustomerMatch['usualAddress']>): string =>
  [a.province, a.city, a.district, a.street, a.detail].filter(Boolean).join('') || a.raw;

// Amounts and quantities as typed, also with an input method left in full-width mode (２, ￥１，２９９．５０)
// and, for amounts, a decimal comma (12,50) as imports read it.
export const typedAmount = (text: string, currency: string): number | null => {
  try {
    return text.trim() === '' ? 0 : parseWrittenMajor(text, currency);
  } catch {
    return null;
  }
};

/** A typed quantity as a number; NaN when empty (`empty`: what an empty field counts as). */
export const typedQuantity = (text: string, empty = Number.NaN): number => {
  const plain = halfWidth(text).trim();
  return plain === '' ? empty : Number(plain);
};

export function createEntryStore(api: Api, channel = MANUAL_CHANNEL_CODE): EntryStore {
  // One id per order being typed: a double-click or a retry after a lost answer cannot make two.
  const requestId = newRequestId();
  let nextKey = 1;

  return createStore<EntryState & EntryActions>()((set, get) => {
    const clearError = (path: string): Record<string, string> => {
      const { [path]: _gone, ...rest } = get().fieldErrors;
      return rest;
    };
    const patch = (p: Partial<EntryValues>, errorPath?: string) =>
      set((s) => ({
        values: { ...s.values, ...p },
        fieldErrors: errorPath ? clearError(errorPath) : s.fieldErrors,
      }));
    /** Editing who or where drops the customer's usual address, so what is on screen is what is sent. */
    const touchesCustomer = (key: keyof EntryValues) =>
      key === 'name' || key === 'phone' || key === 'addressText' || key === 'addressKind';

    return {
      values: {
        channel,
        type: '',
        name: '',
        phone: '',
        addressKind: 'cn',
        addressText: '',
        intl: emptyIntl,
        lines: [],
        shipping: '',
        payment: '',
        message: '',
      },
      currency: 'CNY',
      customer: null,
      fieldErrors: {},
      error: null,
      busy: false,

      set(key, value) {
        const path: Record<string, string> = {
          name: 'recipient.name',
          phone: 'recipient.phone',
          addressText: 'address.text',
          shipping: 'shippingMinor',
          channel: 'channel',
        };
        patch({ [key]: value } as Partial<EntryValues>, path[key]);
        if (touchesCustomer(key)) set({ customer: null });
      },
      setIntl(key, value) {
        patch({ intl: { ...get().values.intl, [key]: value } }, `address.${key}`);
        set({ customer: null });
      },
      setCurrency(currency) {
        set({ currency });
      },
      addSku(hit) {
        const lines = get().values.lines;
        const same = lines.find((l) => l.sku === hit.sku);
        if (same) {
          const n = typedQuantity(same.quantity);
          get().setLine(same.key, { quantity: String(Number.isInteger(n) ? n + 1 : 1) });
          return;
        }
        const line: EntryLine = {
          key: nextKey++,
          sku: hit.sku,
          title: hit.title,
          spec: hit.spec,
          quantity: '1',
          price: formatMajor(hit.priceMinor, get().currency),
        };
        patch({ lines: [...lines, line] }, 'lines');
      },
      setLine(key, p) {
        const lines = get().values.lines;
        const i = lines.findIndex((l) => l.key === key);
        const errors = { ...get().fieldErrors };
        if (p.quantity !== undefined) delete errors[`lines.${i}.quantity`];
        if (p.price !== undefined) delete errors[`lines.${i}.unitPriceMinor`];
        set((s) => ({
          values: { ...s.values, lines: lines.map((l) => (l.key === key ? { ...l, ...p } : l)) },
          fieldErrors: errors,
        }));
      },
      removeLine(key) {
        // Line errors are numbered by position: after a removal they no longer point at the right line.
        const fieldErrors = Object.fromEntries(
          Object.entries(get().fieldErrors).filter(([k]) => !k.startsWith('lines.')),
        );
        set((s) => ({
          values: { ...s.values, lines: s.values.lines.filter((l) => l.key !== key) },
          fieldErrors,
        }));
      },
      pickCustomer(c) {
        const a = c.usualAddress;
        const abroad = a !== null && a.country !== '' && a.country !== 'CN';
        set((s) => ({
          customer: c,
          values: {
            ...s.values,
            name: c.name,
            phone: c.phone ?? '',
            addressKind: abroad ? 'intl' : 'cn',
            addressText: a && !abroad ? usualAddressText(a) : s.values.addressText,
            intl:
              a && abroad
                ? {
                    country: a.country,
                    state: a.province,
                    city: a.city,
                    line1: a.detail,
                    line2: '',
                    postcode: a.postcode,
                  }
                : s.values.intl,
          },
          fieldErrors: {},
        }));
      },
      totalMinor() {
        const { values, currency } = get();
        let total = typedAmount(values.shipping, currency);
        for (const l of values.lines) {
          const price = typedAmount(l.price, currency);
          const qty = typedQuantity(l.quantity, 0);
          if (total === null || price === null || !Number.isInteger(qty)) return null;
          total += price * qty;
        }
        return total;
      },
      async submit() {
        const { values: v, currency, customer } = get();
        const local: Record<string, string> = {};
        const minor = (text: string, path: string): number => {
          const n = typedAmount(text, currency);
          if (n === null) local[path] = 'not_amount';
          return n ?? 0;
        };
        const lines = v.lines.map((l, i) => ({
          sku: l.sku,
          quantity: typedQuantity(l.quantity),
          unitPriceMinor: minor(l.price, `lines.${i}.unitPriceMinor`),
        }));
        lines.forEach((l, i) => {
          if (!Number.isInteger(l.quantity)) local[`lines.${i}.quantity`] = 'not_whole';
        });
        const shippingMinor = minor(v.shipping, 'shippingMinor');
        if (Object.keys(local).length) {
          set({ fieldErrors: { ...get().fieldErrors, ...local } });
          return null;
        }
        // Untouched usual address of a Chinese customer: left empty, so the core fills it the way it
        // does for imports and marks the order "address from the usual one".
        const fromUsual =
          customer?.usualAddress &&
          v.addressKind === 'cn' &&
          v.addressText === usualAddressText(customer.usualAddress);
        const input: OpInput<'orders.create'> = {
          requestId,
          channel: v.channel,
          type: v.type || null,
          recipient: { name: v.name, phone: v.phone },
          address:
            v.addressKind === 'cn'
              ? { kind: 'cn', text: fromUsual ? '' : v.addressText }
              : { kind: 'intl', ...v.intl },
          lines,
          shippingMinor,
          currency,
          paymentMethod: v.payment || null,
          buyerMessage: v.message,
        };
        set({ busy: true, error: null });
        const r = await api.call('orders.create', input);
        if (r.ok) {
          set({ busy: false });
          return r.value;
        }
        const fieldErrors: Record<string, string> = {};
        for (const i of r.error.issues ?? []) fieldErrors[i.path] ??= i.message;
        set({ busy: false, error: r.error, fieldErrors });
        return null;
      },
    };
  });
}
