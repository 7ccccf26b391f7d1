/** Every screen of the left navigation, in order; Alt+1…9 follow this order. */
export const SCREENS = [
  { id: 'orders', key: 'o', icon: '☰' },
  { id: 'review', key: 'r', icon: '✓' },
  { id: 'picking', key: 'p', icon: '⇲' },
  { id: 'packing', key: 'k', icon: '▣' },
  { id: 'inventory', key: 'i', icon: '▦' },
  { id: 'customers', key: 'c', icon: '☺' },
  { id: 'aftersales', key: 'a', icon: '↺' },
  { id: 'reports', key: 't', icon: '▤' },
  { id: 'settings', key: 's', icon: '⚙' },
  { id: 'printing', key: 'l', icon: '▭' },
  // After settings so Alt+1…9 keep their screens; reached with g m.
  { id: 'import', key: 'm', icon: '⇪' },
  { id: 'sync', key: 'y', icon: '⇅' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

export const isScreenId = (v: string): v is ScreenId => SCREENS.some((s) => s.id === v);
