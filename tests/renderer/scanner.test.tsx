// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { ScanDetector } from '../../src-renderer/ui/scan-detector';
import { useScanner } from '../../src-renderer/ui/use-scanner';

describe('ScanDetector', () => {
  const feed = (d: ScanDetector, keys: string[], start: number, gap: number) =>
    keys.map((k, i) => d.key(k, start + i * gap));

  it('reads a fast burst ending in Enter as one scan, ignoring the Shift a scanner presses for capitals', () => {
    const d = new ScanDetector();
    const steps = feed(d, ['Shift', 'S', 'Shift', 'F', '1', '2', '3', 'Enter'], 0, 8);
    expect(steps.at(-1)).toEqual({ type: 'scan', code: 'SF123' });
    expect(steps.filter((s) => s.type === 'pass')).toHaveLength(2);
    expect(d.holding).toBe(false);
  });

  it('gives slow typing back in order and lets Enter through', () => {
    const d = new ScanDetector();
    expect(d.key('a', 0)).toEqual({ type: 'hold' });
    expect(d.key('b', 120)).toEqual({ type: 'release', keys: ['a'], then: 'hold' });
    expect(d.key('Enter', 260)).toEqual({ type: 'release', keys: ['b'], then: 'pass' });
  });

  it('treats a short fast burst as typing, and a scan needs the terminator to come fast too', () => {
    const short = new ScanDetector({ minLength: 4 });
    feed(short, ['1', '2', '3'], 0, 5);
    expect(short.key('Enter', 20)).toEqual({ type: 'release', keys: ['1', '2', '3'], then: 'pass' });
    const late = new ScanDetector();
    feed(late, ['1', '2', '3', '4'], 0, 5);
    expect(late.key('Enter', 500)).toEqual({ type: 'release', keys: ['1', '2', '3', '4'], then: 'pass' });
  });

  it('releases held keys before a navigation key and on timeout', () => {
    const d = new ScanDetector();
    d.key('x', 0);
    expect(d.key('ArrowDown', 5)).toEqual({ type: 'release', keys: ['x'], then: 'pass' });
    d.key('y', 100);
    expect(d.timeout()).toEqual(['y']);
    expect(d.key(' ', 200)).toEqual({ type: 'pass' });
  });
});

function Station({ onScan }: { onScan: (code: string) => void }) {
  const [weight, setWeight] = useState('');
  const [shortcuts, setShortcuts] = useState('');
  useScanner(onScan);
  return (
    <div onKeyDown={(e) => setShortcuts((s) => s + e.key)}>
      <label>
        weight
        <input aria-label="weight" value={weight} onChange={(e) => setWeight(e.target.value)} />
      </label>
      <output aria-label="keys">{shortcuts}</output>
    </div>
  );
}

describe('useScanner', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(10_000);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  /** Types like a device: each key `gap` ms after the previous one. */
  const type = (target: Element, keys: string[], gap: number) => {
    for (const key of keys) {
      fireEvent.keyDown(target, { key });
      act(() => vi.advanceTimersByTime(gap));
    }
  };

  it('takes a scan out of whatever field has focus and hands it over whole', () => {
    const scans: string[] = [];
    render(<Station onScan={(c) => scans.push(c)} />);
    const weight = screen.getByLabelText<HTMLInputElement>('weight');
    weight.focus();
    type(weight, [...'6901234567892', 'Enter'], 3);
    act(() => vi.advanceTimersByTime(200));
    expect(scans).toEqual(['6901234567892']);
    expect(weight.value).toBe('');
  });

  it('lets a person type into the field, every character in order', () => {
    const scans: string[] = [];
    render(<Station onScan={(c) => scans.push(c)} />);
    const weight = screen.getByLabelText<HTMLInputElement>('weight');
    weight.focus();
    type(weight, [...'1250'], 150);
    act(() => vi.advanceTimersByTime(200));
    expect(weight.value).toBe('1250');
    expect(scans).toEqual([]);
  });

  it('gives keys typed outside a field back to the screen (shortcuts still work)', () => {
    const scans: string[] = [];
    render(<Station onScan={(c) => scans.push(c)} />);
    const keys = screen.getByLabelText('keys');
    type(keys, ['g', 'o'], 120);
    act(() => vi.advanceTimersByTime(200));
    expect(keys.textContent).toBe('go');
    type(keys, [...'GO12345', 'Enter'], 4);
    expect(scans).toEqual(['GO12345']);
    expect(keys.textContent).toBe('go');
  });
});
