// Readers for what the export writes, independent of the writer: a strict RFC 4180
// parser (CRLF records, quoted fields keep their bytes, CR and LF included).

/** Records of a CSV text; throws on anything RFC 4180 does not allow. */
export function parseCsvStrict(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let index = 0;
  while (index < text.length) {
    let field = "";
    if (text[index] === '"') {
      index++;
      while (true) {
        if (index >= text.length) throw new Error("unterminated quoted field");
        if (text[index] === '"') {
          if (text[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index++;
          break;
        }
        field += text[index++];
      }
    } else {
      while (index < text.length && text[index] !== "," && text[index] !== "\r" && text[index] !== "\n") {
        if (text[index] === '"') throw new Error(`a quote inside an unquoted field at ${index}`);
        field += text[index++];
      }
    }
    record.push(field);
    if (text[index] === ",") index++;
    else if (text.startsWith("\r\n", index)) {
      records.push(record);
      record = [];
      index += 2;
    } else if (index < text.length) throw new Error(`expected a comma or CRLF at ${index}`);
  }
  if (record.length) records.push(record);
  return records;
}

export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
