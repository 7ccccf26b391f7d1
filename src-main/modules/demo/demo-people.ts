import type { CustomerValues } from '../customers';
import { abroadPerson, CURRENCY_OF, type AbroadAddress, type Country } from './demo-abroad';
import { chinaAddress, chinaMobile, type CnAddress } from './demo-regions';
import { companyName, chineseName } from './demo-data';
import { pickWeighted, rngFor, type Rng, type Weighted } from './demo-random';

/** Separate random streams, so adding a field to orders never reshuffles the customers. */
export const STREAM = { order: 1, cnCustomer: 2, company: 3, abroadCustomer: 10 } as const;

export interface Person {
  /** Stable within a seed: the same key is the same buyer in every order. */
  key: string;
  name: string;
  phone: string;
  email: string | null;
  country: Country | 'CN';
  currency: string;
  address: CnAddress | AbroadAddress;
  /** For wholesale buyers: the person who receives the goods. */
  contact?: string;
}

/**
 * Which customer places order `i`, from `i` alone so the answer does not depend on how many orders
 * are generated. Most orders bring a new customer (index `base + i`); one in five comes from
 * someone who may have bought before (any earlier index); a few come from a pool of regulars that
 * grows slowly with the shop.
 */
export function customerIndex(r: Rng, i: number, regularsBase = 300): number {
  const regulars = regularsBase + Math.floor(i / 100);
  const x = r();
  if (x < 0.08) return Math.floor(r() * regulars);
  if (x < 0.28) return 1_000_000_000 + Math.floor(r() * i);
  return 1_000_000_000 + i;
}

export function chinaCustomer(seed: number, j: number): Person {
  const r = rngFor(seed, STREAM.cnCustomer, j);
  return {
    key: `cn:${j}`,
    name: chineseName(r),
    phone: chinaMobile(r),
    email: null,
    country: 'CN',
    currency: 'CNY',
    address: chinaAddress(r),
  };
}

/** Shops and trading companies that buy by the carton; a few dozen at first, growing slowly. */
export function wholesaleCustomer(seed: number, j: number): Person {
  const r = rngFor(seed, STREAM.company, j);
  const address = chinaAddress(r);
  return {
    key: `wholesale:${j}`,
    name: companyName(r, address.city),
    contact: `${chineseName(r)}(采购)`,
    phone: chinaMobile(r),
    email: null,
    country: 'CN',
    currency: 'CNY',
    address,
  };
}

export function abroadCustomer(
  seed: number,
  channelIndex: number,
  channel: string,
  countries: Weighted<Country>,
  j: number,
): Person {
  const r = rngFor(seed, STREAM.abroadCustomer + channelIndex, j);
  const country = pickWeighted(r, countries);
  const p = abroadPerson(r, country);
  return {
    key: `${channel}:${j}`,
    name: p.name,
    phone: p.phone,
    email: p.email,
    country,
    currency: CURRENCY_OF[country],
    address: p.address,
  };
}

export function customerValues(p: Person): CustomerValues & { phone: string } {
  return {
    name: p.name,
    phone: p.phone,
    email: p.email,
    country: p.country,
    province: p.address.province,
    city: p.address.city,
  };
}

/** How PDD/Taobao exports show a buyer without decryption rights: `张**`, `138****5678`. */
export const maskName = (name: string): string => `${[...name][0] ?? ''}**`;
export const maskPhone = (phone: string): string => `${phone.slice(0, 3)}****${phone.slice(-4)}`;
export const maskDetail = (detail: string): string => `${[...detail].slice(0, 2).join('')}********`;
