/**
 * Full-width digits, letters and signs (１３８…, ２件, ￥１２．５０), which a Chinese input method
 * left in full-width mode types into a sheet, as their ASCII forms; the ideographic space as a
 * space. Most text has none: tested first.
 */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

export const halfWidth = (text: string): string =>
  FULL_WIDTH.test(text)
    ? text
        .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
        .replaceAll('\u3000', ' ')
    : text;
