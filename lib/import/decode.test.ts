import { describe, expect, it } from "vitest";
import { decodeFile, firstInvalidUtf8 } from "./decode";
import { MAX_FILE_BYTES } from "./limits";

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);
const refusal = (input: Uint8Array) => {
  const decoded = decodeFile(input);
  if (decoded.ok) throw new Error(`read as text: ${decoded.text.slice(0, 40)}`);
  return decoded.issue;
};

describe("reading a file's bytes as text", () => {
  it("reads UTF-8, dropping a byte order mark", () => {
    expect(decodeFile(utf8("date,mood\n2026-03-01,7\n"))).toEqual({
      ok: true,
      text: "date,mood\n2026-03-01,7\n",
    });
    expect(decodeFile(bytes(0xef, 0xbb, 0xbf, ...utf8("date,note\n2026-03-01,café ☕")))).toEqual({
      ok: true,
      text: "date,note\n2026-03-01,café ☕",
    });
  });

  it("refuses an empty file, or one of only blank lines", () => {
    expect(refusal(bytes())).toEqual({ code: "empty", message: "The file is empty." });
    expect(refusal(utf8("\n\r\n  \n"))).toEqual({ code: "empty", message: "The file is empty." });
    expect(refusal(bytes(0xef, 0xbb, 0xbf)).code).toBe("empty");
  });

  it("refuses a file over 20 MB before reading it", () => {
    expect(refusal(new Uint8Array(MAX_FILE_BYTES + 1))).toEqual({
      code: "too_large",
      message:
        "The file is over 20 MB: at most 20 MB can be imported at once. Split it into smaller files.",
    });
    expect(refusal(new Uint8Array(25 * 1024 * 1024)).message).toMatch(/^The file is 25 MB: /);
    expect(decodeFile(new Uint8Array(MAX_FILE_BYTES).fill(0x31)).ok).toBe(true);
  });

  it("names the kind of binary file, and what to choose instead", () => {
    const cases: Array<[Uint8Array, string]> = [
      [bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), "This is an Excel workbook or a ZIP archive"],
      [
        bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0),
        "This is an Excel workbook (.xls)",
      ],
      [utf8("%PDF-1.7\n"), "This is a PDF"],
      [utf8("SQLite format 3\u0000"), "This is a database file"],
      [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a), "This is an image"],
      [bytes(0xff, 0xd8, 0xff, 0xe0), "This is an image"],
      [bytes(0x1f, 0x8b, 0x08), "This file is compressed (gzip)"],
    ];
    for (const [input, start] of cases) {
      const issue = refusal(input);
      expect(issue.code, start).toBe("binary");
      expect(issue.message.startsWith(start), issue.message).toBe(true);
    }
    expect(refusal(bytes(0x50, 0x4b, 0x03, 0x04)).message).toContain(
      "a Loop Habit Tracker export is a ZIP: open it and choose Checkmarks.csv",
    );
  });

  it("refuses bytes with NULs or control characters as binary", () => {
    const binary = {
      code: "binary",
      message: "This is not a text file: it holds binary data. Choose a CSV or TSV file.",
    };
    expect(refusal(utf8("date,steps\n2026-03-01,\u0000\u0007\u0003"))).toEqual(binary);
    const controls = utf8("\u0001\u0002\u0003\u0004\u0005\u0006abcdefghijklmnopqrstuvwxyz");
    expect(refusal(controls)).toEqual(binary);
  });

  it("asks for UTF-8 when the file is UTF-16, with or without a byte order mark", () => {
    const utf16 = {
      code: "utf16",
      message:
        "This file is saved as UTF-16 text. Save it as UTF-8 (in Excel: CSV UTF-8) and choose it again.",
    };
    const little = [...utf8("date,steps\n")].flatMap((byte) => [byte, 0]);
    expect(refusal(bytes(0xff, 0xfe, ...little))).toEqual(utf16);
    expect(refusal(bytes(...little))).toEqual(utf16);
    expect(refusal(bytes(0xfe, 0xff, ...little.reverse()))).toEqual(utf16);
  });

  it("refuses text that is not UTF-8, saying which byte", () => {
    // "café" in Windows-1252: é is the single byte 0xE9.
    expect(refusal(bytes(...utf8("date,note\n2026-03-01,caf"), 0xe9, 0x0a))).toEqual({
      code: "not_utf8",
      message:
        "This file is not UTF-8 text (byte 25 is not valid UTF-8; the file may be in " +
        "Windows-1252 or Latin-1). Save it as UTF-8 (in Excel: CSV UTF-8) and choose it again.",
    });
  });

  it("finds the first byte that breaks UTF-8", () => {
    expect(firstInvalidUtf8(utf8("plain ascii, é, ☕, 😀"))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x61, 0xe9, 0x61))).toBe(1);
    expect(firstInvalidUtf8(bytes(0x61, 0xc3))).toBe(1); // cut short
    expect(firstInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0); // overlong "/"
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // a UTF-16 surrogate
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // past U+10FFFF
    expect(firstInvalidUtf8(bytes(0x61, 0x80))).toBe(1); // a continuation byte alone
  });
});
