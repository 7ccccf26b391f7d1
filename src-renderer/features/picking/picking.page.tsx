import { PickView } from './pick.view';
import { WavesView } from './waves.view';
import { useWaveRoute } from './use-wave-route';
import './picking.css';

/** Waves (create, list, print) until a wave is opened; then the picker's scan screen. */
export function PickingPage() {
  const [waveId, open] = useWaveRoute();
  return waveId === null ? (
    <WavesView onOpen={open} />
  ) : (
    <PickView key={waveId} waveId={waveId} onBack={() => open(null)} />
  );
}
