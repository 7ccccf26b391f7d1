import { chance, digits, int, pick, type Rng } from './demo-random';

export type Country = 'US' | 'CA' | 'GB' | 'DE' | 'FR' | 'JP' | 'AU';

export interface AbroadAddress {
  country: Country;
  province: string;
  city: string;
  district: string;
  street: string;
  detail: string;
  postcode: string;
}

export interface AbroadPerson {
  name: string;
  phone: string;
  email: string;
  address: AbroadAddress;
}

export const CURRENCY_OF: Record<Country, string> = {
  US: 'USD',
  CA: 'CAD',
  GB: 'GBP',
  DE: 'EUR',
  FR: 'EUR',
  JP: 'JPY',
  AU: 'AUD',
};

const UPPER = 'ABCDEFGHJLNPRSTUWXYZ';
const letter = (r: Rng): string => UPPER[Math.floor(r() * UPPER.length)] as string;

/** [city, state/region, postcode maker, phone area codes] per country. */
type Place = [city: string, region: string, postcode: (r: Rng) => string, areas: readonly string[]];
const zip = (prefix: string) => (r: Rng) => prefix + digits(r, 5 - prefix.length);
const ukPost = (area: string) => (r: Rng) =>
  `${area}${int(r, 1, 20)} ${int(r, 1, 9)}${letter(r)}${letter(r)}`;
const caPost = (first: string) => (r: Rng) =>
  `${first}${int(r, 1, 9)}${letter(r)} ${int(r, 1, 9)}${letter(r)}${int(r, 1, 9)}`;
const jpPost = (prefix: string) => (r: Rng) => `${prefix}-${digits(r, 4)}`;

const PLACES: Record<Country, readonly Place[]> = {
  US: [
    ['New York', 'NY', zip('100'), ['212', '646', '917']],
    ['Brooklyn', 'NY', zip('112'), ['718', '347']],
    ['Los Angeles', 'CA', zip('900'), ['213', '310', '323']],
    ['San Francisco', 'CA', zip('941'), ['415', '628']],
    ['Seattle', 'WA', zip('981'), ['206']],
    ['Chicago', 'IL', zip('606'), ['312', '773']],
    ['Houston', 'TX', zip('770'), ['713', '832']],
    ['Austin', 'TX', zip('787'), ['512']],
    ['Boston', 'MA', zip('021'), ['617']],
    ['Denver', 'CO', zip('802'), ['303', '720']],
    ['Miami', 'FL', zip('331'), ['305', '786']],
    ['Portland', 'OR', zip('972'), ['503']],
    ['Atlanta', 'GA', zip('303'), ['404', '678']],
  ],
  CA: [
    ['Toronto', 'ON', caPost('M'), ['416', '647']],
    ['Vancouver', 'BC', caPost('V'), ['604', '778']],
    ['Montréal', 'QC', caPost('H'), ['514']],
  ],
  GB: [
    ['London', 'Greater London', ukPost('SW'), ['7']],
    ['London', 'Greater London', ukPost('E'), ['7']],
    ['Manchester', 'Greater Manchester', ukPost('M'), ['7']],
    ['Birmingham', 'West Midlands', ukPost('B'), ['7']],
    ['Edinburgh', 'Scotland', ukPost('EH'), ['7']],
    ['Bristol', 'Bristol', ukPost('BS'), ['7']],
  ],
  DE: [
    ['Berlin', 'Berlin', zip('10'), ['151', '152', '176']],
    ['München', 'Bayern', zip('80'), ['152', '172']],
    ['Hamburg', 'Hamburg', zip('20'), ['157', '176']],
    ['Köln', 'Nordrhein-Westfalen', zip('50'), ['159', '172']],
    ['Frankfurt am Main', 'Hessen', zip('60'), ['162', '173']],
  ],
  FR: [
    ['Paris', 'Île-de-France', zip('750'), ['6']],
    ['Lyon', 'Auvergne-Rhône-Alpes', zip('6900'), ['6']],
    ['Marseille', "Provence-Alpes-Côte d'Azur", zip('130'), ['6']],
  ],
  JP: [
    ['渋谷区', '東京都', jpPost('150'), ['90', '80']],
    ['新宿区', '東京都', jpPost('160'), ['90', '70']],
    ['世田谷区', '東京都', jpPost('154'), ['80']],
    ['大阪市北区', '大阪府', jpPost('530'), ['90', '80']],
    ['横浜市西区', '神奈川県', jpPost('220'), ['90']],
    ['名古屋市中区', '愛知県', jpPost('460'), ['80']],
  ],
  AU: [
    ['Sydney', 'NSW', (r) => `20${digits(r, 2)}`, ['4']],
    ['Melbourne', 'VIC', (r) => `30${digits(r, 2)}`, ['4']],
    ['Brisbane', 'QLD', (r) => `40${digits(r, 2)}`, ['4']],
  ],
};

const FIRST: Record<string, readonly string[]> = {
  en: [
    'James',
    'Olivia',
    'Liam',
    'Emma',
    'Noah',
    'Ava',
    'Ethan',
    'Sophia',
    'Mason',
    'Isabella',
    'Lucas',
    'Mia',
    'Henry',
    'Charlotte',
    'Jack',
    'Amelia',
    'Daniel',
    'Grace',
    'Ryan',
    'Chloe',
    'Kevin',
    'Emily',
    'Michael',
    'Hannah',
  ],
  de: [
    'Lukas',
    'Anna',
    'Leon',
    'Marie',
    'Finn',
    'Sophie',
    'Jonas',
    'Lena',
    'Paul',
    'Laura',
    'Felix',
    'Julia',
    'Maximilian',
    'Katharina',
  ],
  fr: [
    'Louis',
    'Camille',
    'Hugo',
    'Léa',
    'Jules',
    'Manon',
    'Arthur',
    'Chloé',
    'Gabriel',
    'Inès',
    'Raphaël',
    'Juliette',
  ],
  jp: ['健', '美咲', '翔太', 'さくら', '大輔', '陽菜', '拓海', '結衣', '直樹', '愛', '亮', '千尋'],
};
const LAST: Record<string, readonly string[]> = {
  en: [
    'Smith',
    'Johnson',
    'Williams',
    'Brown',
    'Jones',
    'Miller',
    'Davis',
    'Wilson',
    'Taylor',
    'Anderson',
    'Thomas',
    'Moore',
    'Martin',
    'Lee',
    'Thompson',
    'White',
    'Clark',
    'Walker',
    'Chen',
    'Nguyen',
    'Patel',
    'Kim',
    'Wright',
    'Evans',
  ],
  de: [
    'Müller',
    'Schmidt',
    'Schneider',
    'Fischer',
    'Weber',
    'Meyer',
    'Wagner',
    'Becker',
    'Schulz',
    'Hoffmann',
    'Koch',
    'Richter',
  ],
  fr: [
    'Martin',
    'Bernard',
    'Dubois',
    'Thomas',
    'Robert',
    'Richard',
    'Petit',
    'Durand',
    'Leroy',
    'Moreau',
    'Simon',
    'Laurent',
  ],
  jp: ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田'],
};
const LANG: Record<Country, string> = {
  US: 'en',
  CA: 'en',
  GB: 'en',
  AU: 'en',
  DE: 'de',
  FR: 'fr',
  JP: 'jp',
};

const EN_STREETS = [
  'Main St',
  'Oak Ave',
  'Maple Dr',
  'Cedar Ln',
  'Park Ave',
  'Pine St',
  'Washington Blvd',
  'Lake Rd',
  'Elm St',
  'Sunset Blvd',
  'High Street',
  'Station Road',
  'Church Lane',
  'Victoria Road',
  'King Street',
  'Queen St W',
];
const DE_STREETS = [
  'Hauptstraße',
  'Bahnhofstraße',
  'Gartenstraße',
  'Schillerstraße',
  'Goethestraße',
  'Lindenallee',
  'Bergstraße',
  'Kastanienallee',
];
const FR_STREETS = [
  'Rue de Rivoli',
  'Rue de la République',
  'Avenue Jean Jaurès',
  'Boulevard Voltaire',
  'Rue Victor Hugo',
  'Rue des Lilas',
];
const JP_TOWNS = ['神南', '道玄坂', '西新宿', '代沢', '梅田', '南幸', '栄', '恵比寿', '三軒茶屋'];
const JP_BUILDINGS = ['メゾン', 'パークハイツ', 'グランドコート', 'レジデンス', 'コーポ'];
const MAIL = [
  'gmail.com',
  'outlook.com',
  'yahoo.com',
  'icloud.com',
  'hotmail.co.uk',
  'gmx.de',
  'orange.fr',
  'yahoo.co.jp',
];

/** Mobile numbers inside ranges the carriers really use (checked against libphonenumber's metadata). */
function phone(r: Rng, country: Country, areas: readonly string[]): string {
  const a = pick(r, areas);
  switch (country) {
    case 'US':
    case 'CA':
      return `+1 ${a}-${int(r, 201, 989)}-${digits(r, 4)}`;
    case 'GB':
      return `+44 7${pick(r, ['4', '5', '8', '9'])}${digits(r, 2)} ${digits(r, 6)}`;
    case 'DE':
      return `+49 ${a} ${digits(r, 8)}`;
    case 'FR':
      // 069x are the overseas departments' ranges, not metropolitan France.
      return `+33 6 ${int(r, 0, 8)}${digits(r, 1)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`;
    case 'JP':
      return `+81 ${a}-${int(r, 1, 9)}${digits(r, 3)}-${digits(r, 4)}`;
    case 'AU':
      return `+61 4${pick(r, ['0', '1', '2', '3'])}${digits(r, 1)} ${digits(r, 3)} ${digits(r, 3)}`;
  }
}

function street(r: Rng, country: Country): { street: string; detail: string } {
  if (country === 'DE')
    return { street: `${pick(r, DE_STREETS)} ${int(r, 1, 140)}${chance(r, 0.15) ? 'a' : ''}`, detail: '' };
  if (country === 'FR')
    return {
      street: `${int(r, 1, 120)} ${pick(r, FR_STREETS)}`,
      detail: chance(r, 0.3) ? `Bât. ${letter(r)}, ${int(r, 1, 6)}e étage` : '',
    };
  if (country === 'JP')
    return {
      street: `${pick(r, JP_TOWNS)}${int(r, 1, 5)}-${int(r, 1, 20)}-${int(r, 1, 15)}`,
      detail: `${pick(r, JP_BUILDINGS)}${pick(r, JP_TOWNS)} ${int(r, 1, 9)}0${int(r, 1, 9)}`,
    };
  return {
    street: `${int(r, 1, 9899)} ${pick(r, EN_STREETS)}`,
    detail: chance(r, 0.35)
      ? country === 'GB'
        ? `Flat ${int(r, 1, 40)}`
        : `Apt ${int(r, 1, 30)}${letter(r)}`
      : '',
  };
}

/** A shopper abroad: name, phone and address in that country's own conventions. */
export function abroadPerson(r: Rng, country: Country): AbroadPerson {
  const lang = LANG[country];
  const first = pick(r, FIRST[lang] as readonly string[]);
  const last = pick(r, LAST[lang] as readonly string[]);
  const [city, region, postcode, areas] = pick(r, PLACES[country]);
  const name = lang === 'jp' ? `${last} ${first}` : `${first} ${last}`;
  const local =
    lang === 'jp'
      ? `${['sato', 'suzuki', 'tanaka', 'yamada'][int(r, 0, 3)]}${digits(r, 3)}`
      : `${first}.${last}`
          .normalize('NFD')
          .toLowerCase()
          .replace(/[^a-z.]/g, '');
  return {
    name,
    // Stored as intake stores it (E.164), so imported orders of the same buyer link to this profile.
    phone: phone(r, country, areas).replace(/[\s-]/g, ''),
    email: `${local}${chance(r, 0.4) ? digits(r, 2) : ''}@${pick(r, MAIL)}`,
    address: { country, province: region, city, district: '', ...street(r, country), postcode: postcode(r) },
  };
}

/** One line as a label printer or a customs form would show it, in the country's order. */
export function abroadRaw(a: AbroadAddress): string {
  if (a.country === 'JP') return `〒${a.postcode} ${a.province}${a.city}${a.street} ${a.detail}`.trim();
  if (a.country === 'DE' || a.country === 'FR')
    return `${a.street}${a.detail ? ', ' + a.detail : ''}, ${a.postcode} ${a.city}, ${a.country}`;
  return `${a.street}${a.detail ? ', ' + a.detail : ''}, ${a.city}, ${a.province} ${a.postcode}, ${a.country}`;
}
