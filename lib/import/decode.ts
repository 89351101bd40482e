/**
 * A picked file's bytes as text, or why they are not text this app reads: too large, empty,
 * binary (an Excel workbook, a ZIP, a PDF ...), UTF-16, or not UTF-8. Strict: a file that is
 * not valid UTF-8 is refused rather than read with replacement characters, which would import
 * wrong labels and notes without a word.
 */
import { fileIssues, type BinaryKind, type FileIssue } from "./issues";
import { MAX_FILE_BYTES } from "./limits";

export type Decoded = { ok: true; text: string } | { ok: false; issue: FileIssue };

const SIGNATURES: Array<[BinaryKind, number[]]> = [
  ["zip", [0x50, 0x4b, 0x03, 0x04]],
  ["zip", [0x50, 0x4b, 0x05, 0x06]],
  ["xls", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ["pdf", [0x25, 0x50, 0x44, 0x46, 0x2d]],
  // "SQLite format 3"
  ["sqlite", [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74]],
  ["image", [0x89, 0x50, 0x4e, 0x47]],
  ["image", [0xff, 0xd8, 0xff]],
  ["image", [0x47, 0x49, 0x46, 0x38]],
  ["gzip", [0x1f, 0x8b]],
];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** Share of NUL bytes at even and odd offsets of the start: UTF-16 text has one every 2 bytes. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const end = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let index = 0; index < end; index++) {
    if (bytes[index] === 0) {
      if (index % 2 === 0) even++;
      else odd++;
    }
  }
  const pairs = end / 2;
  return pairs >= 2 && (even / pairs > 0.4 || odd / pairs > 0.4);
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence; -1 when all are. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (length === 0 || index + length > bytes.length) return index;
    for (let next = 1; next < length; next++) {
      if (((bytes[index + next] as number) & 0xc0) !== 0x80) return index;
    }
    const second = bytes[index + 1] as number;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if (lead === 0xe0 && second < 0xa0) return index;
    if (lead === 0xed && second > 0x9f) return index;
    if (lead === 0xf0 && second < 0x90) return index;
    if (lead === 0xf4 && second > 0x8f) return index;
    index += length;
  }
  return -1;
}

// C0 controls other than tab, line feed, form feed and carriage return: text files have none.
const CONTROL = /[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g;

function mostlyControls(text: string): boolean {
  const start = text.slice(0, 65_536);
  return (start.match(CONTROL)?.length ?? 0) > start.length / 100;
}

/**
 * The file's text (a UTF-8 byte order mark dropped), or why it cannot be read. Checks the size
 * first, so a file over the limit is never read further.
 */
export function decodeFile(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, issue: fileIssues.tooLarge(bytes.length) };
  if (bytes.length === 0) return { ok: false, issue: fileIssues.empty() };
  const signature = SIGNATURES.find(([, magic]) => startsWith(bytes, magic));
  if (signature) return { ok: false, issue: fileIssues.binary(signature[0]) };
  if (looksLikeUtf16(bytes)) return { ok: false, issue: fileIssues.utf16() };
  if (bytes.indexOf(0) >= 0) return { ok: false, issue: fileIssues.binary("other") };
  let text: string;
  try {
    // `fatal`: an invalid byte throws instead of becoming U+FFFD; the BOM is dropped.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, issue: fileIssues.notUtf8(firstInvalidUtf8(bytes)) };
  }
  if (mostlyControls(text)) return { ok: false, issue: fileIssues.binary("other") };
  if (text.trim() === "") return { ok: false, issue: fileIssues.empty() };
  return { ok: true, text };
}
