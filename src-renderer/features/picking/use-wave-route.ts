import { useCallback, useEffect, useState } from 'react';

const read = (): number | null => {
  const m = /^#\/?picking\/(\d+)/.exec(window.location.hash);
  return m ? Number(m[1]) : null;
};

/**
 * The wave being picked lives in the hash (#/picking/12), so a handheld that reloads or loses
 * its connection comes back to the same wave.
 */
export function useWaveRoute(): [number | null, (id: number | null) => void] {
  const [waveId, setWaveId] = useState<number | null>(read);
  useEffect(() => {
    const onChange = () => setWaveId(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const open = useCallback((id: number | null) => {
    window.location.hash = id === null ? '#/picking' : `#/picking/${id}`;
    setWaveId(id);
  }, []);
  return [waveId, open];
}
