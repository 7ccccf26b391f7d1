import type { SkuValues } from '../catalog';

/** One product family; every combination of its two option lists becomes a SKU. */
interface Family {
  code: string;
  title: string;
  titleEn: string;
  category: string;
  /** Price in 分 (CNY minor units) and weight in grams of the base variant. */
  priceFen: number;
  grams: number;
  /** How often buyers pick it, relative to the others. */
  popularity: number;
  options: readonly (readonly [code: string, zh: string, en: string, priceFen?: number, grams?: number])[];
  sizes: readonly string[];
}

const COLOURS = {
  RED: ['RED', '红色', 'Red'],
  WHT: ['WHT', '白色', 'White'],
  BLK: ['BLK', '黑色', 'Black'],
  NVY: ['NVY', '藏青', 'Navy'],
  GRY: ['GRY', '灰色', 'Grey'],
  PNK: ['PNK', '樱花粉', 'Pink'],
  BEI: ['BEI', '米白', 'Beige'],
} as const;

const FAMILIES: readonly Family[] = [
  {
    code: 'TS',
    title: '纯棉圆领T恤',
    titleEn: 'Cotton Crew T-Shirt',
    category: '服装',
    priceFen: 5900,
    grams: 210,
    popularity: 22,
    options: [COLOURS.RED, COLOURS.WHT, COLOURS.BLK, COLOURS.NVY],
    sizes: ['S', 'M', 'L', 'XL', 'XXL'],
  },
  {
    code: 'HD',
    title: '加绒连帽卫衣',
    titleEn: 'Fleece Hoodie',
    category: '服装',
    priceFen: 13900,
    grams: 560,
    popularity: 8,
    options: [COLOURS.GRY, COLOURS.BLK],
    sizes: ['M', 'L', 'XL'],
  },
  {
    code: 'RUN',
    title: '轻便透气跑步鞋',
    titleEn: 'Lightweight Running Shoes',
    category: '鞋靴',
    priceFen: 29900,
    grams: 820,
    popularity: 12,
    options: [COLOURS.BLK, COLOURS.WHT, COLOURS.GRY],
    sizes: ['38', '39', '40', '41', '42', '43', '44'],
  },
  {
    code: 'CASE',
    title: '磁吸防摔手机壳',
    titleEn: 'MagSafe Shockproof Phone Case',
    category: '数码配件',
    priceFen: 3900,
    grams: 45,
    popularity: 18,
    options: [
      ['IP15', 'iPhone 15', 'iPhone 15'],
      ['IP15P', 'iPhone 15 Pro', 'iPhone 15 Pro'],
      ['IP15PM', 'iPhone 15 Pro Max', 'iPhone 15 Pro Max'],
      ['IP16', 'iPhone 16', 'iPhone 16'],
      ['IP16P', 'iPhone 16 Pro', 'iPhone 16 Pro'],
      ['M60P', '华为 Mate 60 Pro', 'Huawei Mate 60 Pro', 4900],
      ['MI14', '小米 14', 'Xiaomi 14', 3500],
      ['X100', 'vivo X100', 'vivo X100', 3500],
    ],
    sizes: ['透明', '磨砂黑'],
  },
  {
    code: 'CUP',
    title: '316不锈钢保温杯',
    titleEn: '316 Stainless Vacuum Bottle',
    category: '家居',
    priceFen: 8900,
    grams: 330,
    popularity: 9,
    options: [
      ['350', '350ml', '350 ml', 8900, 280],
      ['500', '500ml', '500 ml', 10900, 360],
    ],
    sizes: ['白色', '黑色', '樱花粉'],
  },
  {
    code: 'CBL',
    title: 'USB-C 100W 快充数据线',
    titleEn: 'USB-C 100W Fast Charging Cable',
    category: '数码配件',
    priceFen: 1900,
    grams: 50,
    popularity: 10,
    options: [
      ['1M', '1米', '1 m', 1900, 45],
      ['2M', '2米', '2 m', 2900, 70],
    ],
    sizes: ['白色', '黑色'],
  },
  {
    code: 'EAR',
    title: '真无线降噪蓝牙耳机',
    titleEn: 'True Wireless ANC Earbuds',
    category: '数码',
    priceFen: 19900,
    grams: 65,
    popularity: 7,
    options: [COLOURS.WHT, COLOURS.BLK],
    sizes: ['标准版'],
  },
  {
    code: 'PB',
    title: '10000mAh 磁吸充电宝',
    titleEn: '10000mAh Magnetic Power Bank',
    category: '数码',
    priceFen: 14900,
    grams: 220,
    popularity: 6,
    options: [COLOURS.WHT, COLOURS.BLK, COLOURS.PNK],
    sizes: ['标准版'],
  },
  {
    code: 'TEA',
    title: '明前西湖龙井 罐装',
    titleEn: 'West Lake Longjing Green Tea (tin)',
    category: '食品',
    priceFen: 19800,
    grams: 320,
    popularity: 4,
    options: [
      ['125G', '125g', '125 g', 19800, 200],
      ['250G', '250g', '250 g', 36800, 340],
    ],
    sizes: ['礼盒装'],
  },
  {
    code: 'BAG',
    title: '加厚帆布托特包',
    titleEn: 'Heavy Canvas Tote Bag',
    category: '箱包',
    priceFen: 4900,
    grams: 260,
    popularity: 6,
    options: [COLOURS.BEI, COLOURS.BLK],
    sizes: ['均码'],
  },
  {
    code: 'SOCK',
    title: '精梳棉中筒袜 5双装',
    titleEn: 'Combed Cotton Crew Socks (5 pairs)',
    category: '服装',
    priceFen: 2990,
    grams: 190,
    popularity: 9,
    options: [['MIX', '混色', 'Mixed'], COLOURS.BLK, COLOURS.WHT],
    sizes: ['均码', '加大码'],
  },
  {
    code: 'MASK',
    title: '玻尿酸补水面膜 10片',
    titleEn: 'Hyaluronic Hydrating Sheet Mask (10)',
    category: '美妆',
    priceFen: 6900,
    grams: 310,
    popularity: 5,
    options: [['STD', '标准装', 'Standard']],
    sizes: ['盒装'],
  },
];

export interface DemoSku extends SkuValues {
  titleEn: string;
  specEn: string;
  popularity: number;
  /** Wholesale buyers order these in multiples of a carton. */
  cartonQty: number;
}

/** EAN-13 check digit: weights 1 and 3 alternating from the left over the first twelve digits. */
export function ean13(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return first12 + ((10 - (sum % 10)) % 10);
}

const SIZE_EN: Record<string, string> = {
  透明: 'Clear',
  磨砂黑: 'Matte Black',
  白色: 'White',
  黑色: 'Black',
  樱花粉: 'Pink',
  标准版: 'Standard',
  礼盒装: 'Gift tin',
  均码: 'One size',
  加大码: 'Large',
  盒装: 'Box',
};
const SIZE_CODE: Record<string, string> = {
  透明: 'CLR',
  磨砂黑: 'MBK',
  白色: 'WHT',
  黑色: 'BLK',
  樱花粉: 'PNK',
  标准版: 'STD',
  礼盒装: 'GIFT',
  均码: 'OS',
  加大码: 'L',
  盒装: 'BOX',
};

/**
 * The demo shop's catalogue. Fixed (not seeded) so SKU codes and barcodes stay the same across
 * seeds and a rerun never invents new SKUs. Barcodes use GS1 China's 69x prefix.
 */
export function demoCatalog(): DemoSku[] {
  const out: DemoSku[] = [];
  let item = 0;
  for (const f of FAMILIES) {
    for (const [optCode, optZh, optEn, priceFen, grams] of f.options) {
      for (const size of f.sizes) {
        item++;
        const sizeCode = SIZE_CODE[size] ?? size;
        const single = f.sizes.length === 1;
        out.push({
          sku: single ? `${f.code}-${optCode}` : `${f.code}-${optCode}-${sizeCode}`,
          title: f.title,
          titleEn: f.titleEn,
          spec: single ? optZh : `${optZh} ${size}`,
          specEn: single ? optEn : `${optEn} / ${SIZE_EN[size] ?? size}`,
          barcode: ean13(`6971234${String(item).padStart(5, '0')}`),
          category: f.category,
          // Bigger shoe and shirt sizes weigh a little more: labels and freight quotes use it.
          weightGrams: (grams ?? f.grams) + f.sizes.indexOf(size) * (f.code === 'RUN' ? 20 : 8),
          priceMinor: priceFen ?? f.priceFen,
          currency: 'CNY',
          popularity: f.popularity / (f.options.length * f.sizes.length),
          cartonQty: f.grams > 500 ? 10 : 50,
        });
      }
    }
  }
  return out;
}

/**
 * Prices abroad: a cross-border markup over the CNY list price, ending in .99 (or a round 10 yen),
 * all in integer minor units.
 */
export function foreignPrice(fen: number, currency: string): number {
  // Minor units of the currency per 100 fen, with the markup folded in (≈ 1.6× the domestic price).
  const per100: Record<string, number> = { USD: 22, EUR: 21, GBP: 18, JPY: 33, AUD: 34, CAD: 31 };
  const rate = per100[currency] ?? 100;
  const raw = Math.floor((fen * rate) / 100);
  if (currency === 'JPY') return Math.max(100, Math.round(raw / 10) * 10);
  return Math.max(99, Math.floor(raw / 100) * 100 + 99);
}
