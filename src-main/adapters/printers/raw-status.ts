import { PrinterError, where, type PrinterFault, type RawTarget } from './printer-error';

/**
 * Status queries of raw port-9100 printers and what their answers mean. Each language has its
 * own question and answer; all end as either "ready" or a PrinterError a clerk can act on. A
 * fault found here is found before any byte of the job is sent, so retrying later is safe.
 */
export type StatusLanguage = 'escpos' | 'zpl' | 'tspl';

export interface StatusQuery {
  bytes: Buffer;
  /** True once `received` holds the whole answer. */
  complete(received: Buffer): boolean;
}

const STX = 0x02;
const ETX = 0x03;

/** ZPL `~HS`: three STX…ETX strings (reference §2). */
export const ZPL_HOST_STATUS: StatusQuery = {
  bytes: Buffer.from('~HS', 'latin1'),
  complete: (r) => r.filter((b) => b === ETX).length >= 3,
};

/** TSPL `<ESC>!?`: one status byte (reference §3). */
export const TSPL_STATUS: StatusQuery = {
  bytes: Buffer.from([0x1b, 0x21, 0x3f]),
  complete: (r) => r.length >= 1,
};

export interface ZplHostStatus {
  paperOut: boolean;
  paused: boolean;
  headUp: boolean;
  ribbonOut: boolean;
}

/**
 * Reads the flags of a `~HS` answer: string 1 field 2 = paper out, field 3 = pause; string 2
 * field 3 = head up, field 4 = ribbon out. Null when the answer is not three strings.
 */
export function parseZplHostStatus(reply: Buffer): ZplHostStatus | null {
  const strings: string[] = [];
  let start = -1;
  for (let i = 0; i < reply.length; i += 1) {
    if (reply[i] === STX) start = i + 1;
    else if (reply[i] === ETX && start >= 0) {
      strings.push(reply.subarray(start, i).toString('latin1'));
      start = -1;
    }
  }
  if (strings.length < 3) return null;
  const one = strings[0]!.split(',');
  const two = strings[1]!.split(',');
  if (one.length < 3 || two.length < 4) return null;
  const flag = (v: string | undefined) => v?.trim() === '1';
  return { paperOut: flag(one[1]), paused: flag(one[2]), headUp: flag(two[2]), ribbonOut: flag(two[3]) };
}

interface Condition {
  fault: PrinterFault;
  words: string;
  fix: string;
}

// Listed most actionable first: the first one names the fault, all are named in the message.
const HEAD_OPEN: Condition = { fault: 'cover_open', words: 'has its print head open', fix: 'close it' };
const PAPER_OUT: Condition = { fault: 'paper_out', words: 'is out of labels', fix: 'load a roll' };
const JAM: Condition = { fault: 'jam', words: 'has a label jam', fix: 'clear the jam' };
const RIBBON_OUT: Condition = { fault: 'ribbon_out', words: 'is out of ribbon', fix: 'load a new ribbon' };
const PAUSED: Condition = { fault: 'paused', words: 'is paused', fix: 'press its pause/feed button' };
const ERROR: Condition = { fault: 'offline', words: 'reports an error', fix: 'check its display or lights' };

function toError(target: RawTarget, found: Condition[]): PrinterError | null {
  if (found.length === 0) return null;
  const words = found.map((c) => c.words);
  const fixes = found.map((c) => c.fix);
  const list = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}` : xs[0]);
  return new PrinterError(
    found[0]!.fault,
    `${where(target)} ${list(words)}; ${list(fixes)} and the job will print`,
    true,
  );
}

export function zplStatusError(target: RawTarget, s: ZplHostStatus): PrinterError | null {
  return toError(
    target,
    [s.headUp && HEAD_OPEN, s.paperOut && PAPER_OUT, s.ribbonOut && RIBBON_OUT, s.paused && PAUSED].filter(
      (c): c is Condition => Boolean(c),
    ),
  );
}

/** TSPL status byte: 01 head open, 02 jam, 04 paper out, 08 ribbon out, 10 pause, 20 printing, 80 other. */
export function tsplStatusError(target: RawTarget, byte: number): PrinterError | null {
  const bits: [number, Condition][] = [
    [0x01, HEAD_OPEN],
    [0x04, PAPER_OUT],
    [0x02, JAM],
    [0x08, RIBBON_OUT],
    [0x10, PAUSED],
    [0x80, ERROR],
  ];
  // 0x20 "printing" is not a fault: the job waits in the printer's buffer.
  return toError(
    target,
    bits.filter(([bit]) => byte & bit).map(([, c]) => c),
  );
}

/**
 * A ZPL printer answers nothing to `~HS` while out of media or ribbon or with its head open
 * (Zebra's guide, reference §2), so silence is reported as a fault, not ignored. Some compatible
 * printers never answer (or answer garbage, read as silence): the message names the switch.
 */
export const zplSilentError = (target: RawTarget, timeoutMs: number): PrinterError =>
  new PrinterError(
    'not_answering',
    `${where(target)} did not answer its status query (~HS) within ${timeoutMs / 1000} s; a Zebra stays silent when it is out of labels or ribbon or its head is open; check it and the job will print. If this printer never answers, turn off "Check status before each job" in its settings`,
    true,
  );
