import type { Sqlite } from '../../adapters/db/open';
import { stmt } from '../../adapters/db/statements';
import type { HandCorrections } from './hand-corrections';
import { searchBody } from './orders.repo';

export interface EditableOrder {
  id: number;
  status: string;
  externalId: string;
  recipientName: string;
  phone: string;
  country: string;
  province: string;
  city: string;
  district: string;
  street: string;
  detail: string;
  addressRaw: string;
  addressMasked: number;
  addressAmbiguous: number;
  buyerIdNumber: string | null;
  tagsJson: string;
  correctedJson: string;
}

export const readEditable = (sqlite: Sqlite, id: number): EditableOrder | undefined =>
  stmt(
    sqlite,
    `select id, status, external_id as externalId, recipient_name as recipientName, phone, country,
       province, city, district, street, detail, address_raw as addressRaw,
       address_masked as addressMasked, address_ambiguous as addressAmbiguous,
       buyer_id_number as buyerIdNumber, tags_json as tagsJson,
       corrected_json as correctedJson
     from orders where id = ?`,
  ).get(id) as EditableOrder | undefined;

export const writeTags = (sqlite: Sqlite, id: number, tags: string[], now: number): void => {
  stmt(sqlite, 'update orders set tags_json = ?, updated_at = ? where id = ?').run(
    JSON.stringify(tags),
    now,
    id,
  );
};

export const writeBuyerId = (sqlite: Sqlite, id: number, idNumber: string | null, now: number): void => {
  stmt(sqlite, 'update orders set buyer_id_number = ?, updated_at = ? where id = ?').run(idNumber, now, id);
};

export interface AddressWrite {
  province: string;
  city: string;
  district: string;
  street: string;
  detail: string;
  addressRaw: string;
  addressMasked: boolean;
  region: string;
}

/** The corrected address, and the queue's search text rebuilt the way orders.repo builds it. */
export function writeAddress(sqlite: Sqlite, o: EditableOrder, a: AddressWrite, now: number): void {
  stmt(
    sqlite,
    `update orders set province = ?, city = ?, district = ?, street = ?, detail = ?, address_raw = ?,
       address_masked = ?, address_ambiguous = 0, region = ?, updated_at = ?
     where id = ?`,
  ).run(
    a.province,
    a.city,
    a.district,
    a.street,
    a.detail,
    a.addressRaw,
    a.addressMasked ? 1 : 0,
    a.region,
    now,
    o.id,
  );
  const lines = stmt(sqlite, 'select sku, title from order_lines where order_id = ? order by line_no').all(
    o.id,
  ) as { sku: string; title: string }[];
  const body = searchBody({ ...o, ...a, lines });
  stmt(sqlite, 'delete from orders_search where rowid = ?').run(o.id);
  stmt(sqlite, 'insert into orders_search (rowid, body) values (?, ?)').run(o.id, body);
}

/** One line on the order's "why" list, so the review queue shows the correction next to the hold. */
export const appendReason = (sqlite: Sqlite, id: number, reason: string, now: number): void => {
  stmt(
    sqlite,
    `update orders set reasons_json = json_insert(reasons_json, '$[#]', ?), updated_at = ? where id = ?`,
  ).run(reason, now, id);
};

/** Remembers what was corrected by hand, so a newer copy from the channel keeps it (orders.repo). */
export const writeCorrected = (sqlite: Sqlite, id: number, corrected: HandCorrections): void => {
  stmt(sqlite, 'update orders set corrected_json = ? where id = ?').run(JSON.stringify(corrected), id);
};
