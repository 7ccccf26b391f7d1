import type { TFunction } from 'i18next';

/**
 * An import's notes about the whole file carry the core's English (src-main/adapters/files/
 * text-decode.adapter.ts); the known wordings are said in the UI language with the file name
 * kept, anything else is shown as written.
 */
const NOTES: [RegExp, string][] = [
  [/^(.+): read as GBK\/GB18030 \(simplified Chinese\), but it could also be Big5/s, 'maybeBig5'],
];

export function fileNoteText(t: TFunction, note: string): string {
  for (const [re, key] of NOTES) {
    const m = re.exec(note);
    if (m) return t(`intake.fileNote.${key}`, { file: m[1] });
  }
  return note;
}
