// Text files arrive in whatever encoding the user's tool wrote. A BOM decides;
// without one, UTF-16 shows as a NUL in every other byte, valid UTF-8 is UTF-8,
// and anything else is read as windows-1252 (a superset of Latin-1 that every
// byte decodes under), so a Western European legacy file never fails to open.
import { fileError } from "./errors";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
export type DecodedText = { text: string; encoding: TextEncoding };

function bomEncoding(bytes: Uint8Array): TextEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/** ASCII-heavy UTF-16 without a BOM: NULs fill one byte of most pairs and almost never the other. */
function nulPatternEncoding(bytes: Uint8Array): TextEncoding | undefined {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < oddZeros / 10) return "utf-16le";
  if (evenZeros > pairs * 0.3 && oddZeros < evenZeros / 10) return "utf-16be";
  return undefined;
}

export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  const detected = bomEncoding(bytes) ?? nulPatternEncoding(bytes);
  let decoded: DecodedText;
  if (detected) {
    decoded = { text: new TextDecoder(detected).decode(bytes), encoding: detected };
  } else {
    try {
      decoded = { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
    } catch {
      decoded = { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
    }
  }
  if (decoded.text.startsWith("%PDF-")) throw fileError(fileName, undefined, "this is a PDF file with another extension. Rename it to .pdf and upload it again.");
  const nul = decoded.text.indexOf("\u0000");
  if (nul >= 0) {
    const line = decoded.text.slice(0, nul).split("\n").length;
    throw fileError(fileName, `line ${line}`, "the file contains NUL bytes, so it is binary, not text. Upload a text file (UTF-8, UTF-16 or Latin-1), or a PDF as .pdf.");
  }
  return decoded;
}

/** One newline convention for the parsers: \r\n and lone \r become \n. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}
