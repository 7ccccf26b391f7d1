import iconv from 'iconv-lite';

/**
 * ESC/POS bytes for 58/80 mm receipt printers. Chinese models (Xprinter, Gprinter…) take
 * GB18030 text in Chinese mode (FS &); Latin text is the same bytes in either mode.
 */
const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

export class EscPosBuilder {
  private readonly parts: Buffer[] = [];

  private bytes(...b: number[]): this {
    this.parts.push(Buffer.from(b));
    return this;
  }

  init(): this {
    return this.bytes(ESC, 0x40).bytes(FS, 0x26);
  }

  align(a: 'left' | 'center' | 'right'): this {
    return this.bytes(ESC, 0x61, a === 'left' ? 0 : a === 'center' ? 1 : 2);
  }

  bold(on: boolean): this {
    return this.bytes(ESC, 0x45, on ? 1 : 0);
  }

  /** 1–8 times width and height. */
  size(w: number, h: number): this {
    return this.bytes(GS, 0x21, ((w - 1) << 4) | (h - 1));
  }

  text(s: string): this {
    this.parts.push(iconv.encode(s, 'gb18030'));
    return this;
  }

  line(s = ''): this {
    return this.text(s).bytes(0x0a);
  }

  feed(lines: number): this {
    return this.bytes(ESC, 0x64, lines);
  }

  /** GS k m=73 (Code 128) with an explicit {B start; HRI below; module width 2, height in dots. */
  code128(data: string, height = 80, width = 2): this {
    const payload = Buffer.from('{B' + data.replace(/\{/g, '{{'), 'ascii');
    this.bytes(GS, 0x68, height).bytes(GS, 0x77, width).bytes(GS, 0x48, 2);
    return this.bytes(GS, 0x6b, 73, payload.length).raw(payload);
  }

  /** GS ( k: model 2, module size, ECC M, store, print. */
  qr(data: string, moduleSize = 6): this {
    const d = Buffer.from(data, 'utf8');
    const len = d.length + 3;
    this.bytes(GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0);
    this.bytes(GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, moduleSize);
    this.bytes(GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31);
    this.bytes(GS, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30).raw(d);
    return this.bytes(GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30);
  }

  /** Feed 3 lines then partial cut (GS V 66 n). */
  cut(): this {
    return this.bytes(GS, 0x56, 66, 3);
  }

  raw(b: Buffer): this {
    this.parts.push(b);
    return this;
  }

  build(): Buffer {
    return Buffer.concat(this.parts);
  }
}
