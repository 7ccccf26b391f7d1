/** The documented orders query (reference §1), sorted by UPDATED_AT so the cursor only moves forward. */
export const ORDERS_QUERY = `query Sync($q: String!, $after: String, $first: Int!) {
  orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $q) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id name createdAt updatedAt cancelledAt
      displayFinancialStatus displayFulfillmentStatus currencyCode
      totalPriceSet { shopMoney { amount currencyCode } }
      totalShippingPriceSet { shopMoney { amount currencyCode } }
      shippingAddress { firstName lastName company address1 address2 city
                        province provinceCode zip countryCodeV2 phone }
      customer { id firstName lastName email phone }
      tags note
      lineItems(first: 20) {
        pageInfo { hasNextPage endCursor }
        nodes { id sku quantity title variantTitle
                originalUnitPriceSet { shopMoney { amount currencyCode } } }
      }
    }
  }
}`;

export const LINE_ITEMS_QUERY = `query Lines($id: ID!, $after: String) {
  order(id: $id) {
    lineItems(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { id sku quantity title variantTitle
              originalUnitPriceSet { shopMoney { amount currencyCode } } }
    }
  }
}`;

export const SHOP_QUERY = '{ shop { name } }';

/** Shopify's search syntax wants quotes around the timestamp. */
export const updatedSince = (ms: number | null): string =>
  ms === null ? '' : `updated_at:>='${new Date(ms).toISOString()}'`;
