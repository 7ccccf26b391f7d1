/**
 * Short tones for the scanning screens, so a clerk hears a wrong item without looking up.
 * Generated with Web Audio (no sound files to ship, starts in well under a frame); silent where
 * there is no audio device or API (tests, servers).
 */
export type Cue = 'ok' | 'error' | 'done';

const TONES: Record<Cue, { freq: number; ms: number; wave: OscillatorType }[]> = {
  ok: [{ freq: 1320, ms: 70, wave: 'sine' }],
  error: [
    { freq: 220, ms: 160, wave: 'square' },
    { freq: 0, ms: 60, wave: 'square' },
    { freq: 220, ms: 220, wave: 'square' },
  ],
  done: [
    { freq: 880, ms: 90, wave: 'sine' },
    { freq: 1320, ms: 140, wave: 'sine' },
  ],
};

let audio: AudioContext | null | undefined;

function context(): AudioContext | null {
  if (audio === undefined) {
    const Ctor = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
    try {
      audio = Ctor ? new Ctor() : null;
    } catch {
      audio = null;
    }
  }
  return audio;
}

export function playCue(cue: Cue): void {
  const ctx = context();
  if (!ctx) return;
  if (ctx.state === 'suspended') void ctx.resume();
  let at = ctx.currentTime;
  for (const tone of TONES[cue]) {
    const seconds = tone.ms / 1000;
    if (tone.freq > 0) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = tone.wave;
      osc.frequency.value = tone.freq;
      gain.gain.setValueAtTime(0.2, at);
      gain.gain.exponentialRampToValueAtTime(0.001, at + seconds);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + seconds);
    }
    at += seconds;
  }
}

/**
 * Opens the audio device ahead of the first scan: creating it can take a few hundred ms on some
 * machines, which must not fall between a scan and its answer. Scanning screens call it on mount.
 */
export function prepareCues(): void {
  context();
}
