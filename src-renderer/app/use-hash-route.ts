import { useCallback, useEffect, useState } from 'react';
import { isScreenId, type ScreenId } from './screens';

const read = (): ScreenId => {
  const id = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isScreenId(id) ? id : 'orders';
};

/**
 * The screen lives in the hash (#/settings): it survives a reload and works the same under
 * Electron's app:// protocol and `packdesk serve`, where there is no server-side routing.
 */
export function useHashRoute(): [ScreenId, (id: ScreenId) => void] {
  const [screen, setScreen] = useState<ScreenId>(read);
  useEffect(() => {
    const onChange = () => setScreen(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((id: ScreenId) => {
    if (read() !== id) window.location.hash = `#/${id}`;
    setScreen(id);
  }, []);
  return [screen, go];
}
