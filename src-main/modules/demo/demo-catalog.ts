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
  /** Boxed size in mm (length, width, height): carriers charge the bulky ones by volume. */
  dims: readonly [number, number, number];
  /** Customs tariff heading (HS, 6 digits) and country of origin, for the cross-border forms. */
  hs: string;
  origin?: string;
  /** What carriers check: cold chain, freight, batteries (never by air), fragile, liquid. */
  handling?: Partial<Record<'coldChain' | 'bulky' | 'fragile' | 'battery' | 'liquid', true>>;
  /** Cross-border warehouse and buyers abroad: no fresh food, batteries, oversize or loose tea. */
  stayHome?: true;
  /** Alert when a warehouse's available stock drops below this. */
  safetyStock?: number;
  /** A bundle: no stock of its own; each sale reserves these components. */
  components?: readonly (readonly [sku: string, qty: number])[];
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
    dims: [300, 220, 20],
    hs: '6109.10',
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
    dims: [350, 280, 60],
    hs: '6110.20',
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
    dims: [330, 210, 120],
    hs: '6404.11',
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
    dims: [180, 100, 20],
    hs: '3926.90',
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
    dims: [250, 90, 90],
    hs: '9617.00',
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
    dims: [120, 100, 25],
    hs: '8544.42',
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
    dims: [110, 110, 50],
    hs: '8518.30',
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
    dims: [160, 100, 30],
    hs: '8507.60',
    handling: { battery: true },
    stayHome: true,
    safetyStock: 30,
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
    dims: [200, 120, 120],
    hs: '0902.10',
    stayHome: true,
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
    dims: [300, 250, 30],
    hs: '4202.22',
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
    dims: [220, 150, 40],
    hs: '6115.95',
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
    dims: [200, 150, 40],
    hs: '3304.99',
  },
  {
    code: 'FRT',
    title: '冷链鲜果礼盒',
    titleEn: 'Fresh Fruit Box (cold chain)',
    category: '生鲜',
    priceFen: 12800,
    grams: 2600,
    popularity: 5,
    options: [
      ['MGO', '海南贵妃芒 5斤', 'Hainan Guifei Mango 2.5 kg', 12800, 2600],
      ['CHR', '智利车厘子 JJ级 2斤', 'Chilean Cherries JJ 1 kg', 19800, 1300],
    ],
    sizes: ['冷链箱'],
    dims: [320, 240, 180],
    hs: '0804.50',
    handling: { coldChain: true },
    stayHome: true,
    safetyStock: 20,
  },
  {
    code: 'CHAIR',
    title: '户外便携折叠椅',
    titleEn: 'Outdoor Folding Chair',
    category: '户外',
    priceFen: 15900,
    grams: 4200,
    popularity: 3,
    options: [COLOURS.GRY, COLOURS.NVY],
    sizes: ['标准版'],
    // 900×600×150 mm is 8.1 kg by volume (÷6000), nearly twice what it weighs.
    dims: [900, 600, 150],
    hs: '9401.79',
    handling: { bulky: true },
    stayHome: true,
    safetyStock: 25,
  },
  {
    code: 'GTP',
    title: '耐热玻璃泡茶壶 600ml',
    titleEn: 'Heat-Resistant Glass Teapot 600 ml',
    category: '茶具',
    priceFen: 6900,
    grams: 480,
    popularity: 3,
    options: [['600', '600ml', '600 ml']],
    sizes: ['标准版'],
    dims: [200, 160, 160],
    hs: '7013.49',
    handling: { fragile: true },
  },
  {
    code: 'GCUP',
    title: '双层玻璃品茗杯',
    titleEn: 'Double-Wall Glass Tea Cup',
    category: '茶具',
    priceFen: 1900,
    grams: 90,
    popularity: 3,
    options: [['120', '120ml', '120 ml']],
    sizes: ['标准版'],
    dims: [90, 90, 80],
    hs: '7013.37',
    handling: { fragile: true },
  },
  {
    code: 'TSET',
    title: '茶具套装（一壶四杯）',
    titleEn: 'Glass Tea Set (teapot + 4 cups)',
    category: '茶具',
    priceFen: 12900,
    grams: 900,
    popularity: 4,
    options: [['GLS', '玻璃款', 'Glass']],
    sizes: ['礼盒装'],
    dims: [320, 260, 180],
    hs: '7013.49',
    handling: { fragile: true },
    components: [
      ['GTP-600', 1],
      ['GCUP-120', 4],
    ],
  },
  {
    code: 'OIL',
    title: '有机冷榨山茶油 500ml',
    titleEn: 'Organic Cold-Pressed Camellia Oil 500 ml',
    category: '食品',
    priceFen: 8800,
    grams: 620,
    popularity: 3,
    options: [['500', '500ml', '500 ml']],
    sizes: ['标准版'],
    dims: [280, 70, 70],
    hs: '1515.90',
    handling: { liquid: true, fragile: true },
    stayHome: true,
  },
];

export interface DemoSku extends SkuValues {
  titleEn: string;
  specEn: string;
  popularity: number;
  /** Wholesale buyers order these in multiples of a carton. */
  cartonQty: number;
  /** May be sold abroad and stocked in the cross-border warehouse. */
  abroad: boolean;
  hsCode: string;
  originCountry: string;
  /** Bundle components as [SKU code, quantity per bundle]; empty for a stocked SKU. */
  components: readonly (readonly [sku: string, qty: number])[];
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
  冷链箱: 'Chilled box',
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
  冷链箱: 'COLD',
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
          lengthMm: f.dims[0],
          widthMm: f.dims[1],
          heightMm: f.dims[2],
          ...f.handling,
          safetyStock: f.safetyStock ?? 0,
          abroad: !f.stayHome,
          hsCode: f.hs,
          // Chilean cherries are imported; everything else is made in China.
          originCountry: optCode === 'CHR' ? 'CL' : (f.origin ?? 'CN'),
          components: f.components ?? [],
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
