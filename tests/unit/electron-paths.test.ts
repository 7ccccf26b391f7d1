import { appRootFor, dbPathFor, rendererRootFor } from '../../src-main/app/paths';

const anApp = (isPackaged: boolean) => ({
  isPackaged,
  getAppPath: () => (isPackaged ? '/opt/Packdesk/resources/app.asar' : '/repo'),
  getPath: (name: string) => (name === 'userData' ? '/home/u/.config/Packdesk' : `/x/${name}`),
});

describe('Electron host paths', () => {
  it('points the core at resources/ when packaged and at the repository in development', () => {
    expect(appRootFor(anApp(true) as never, '/opt/Packdesk/resources')).toBe('/opt/Packdesk/resources');
    expect(appRootFor(anApp(false) as never, '/ignored')).toBe('/repo');
    expect(rendererRootFor(anApp(true) as never)).toBe('/opt/Packdesk/resources/app.asar/dist/renderer');
  });

  it('keeps the database in userData unless PACKDESK_DB says otherwise', () => {
    expect(dbPathFor(anApp(true) as never, {})).toBe('/home/u/.config/Packdesk/packdesk.db');
    expect(dbPathFor(anApp(true) as never, { PACKDESK_DB: '/data/shop.db' })).toBe('/data/shop.db');
  });
});
