// Tests only: read a zip's own records (central directory and local headers) byte by byte,
// to check what fflate's reader does not show: compression method, flags and DOS time.

export interface ZipRecord {
  name: string;
  /** From the central directory: 0 stored, 8 deflated. */
  method: number;
  /** The same field in the entry's local header. */
  localMethod: number;
  flags: number;
  compressedSize: number;
  size: number;
  modified: { year: number; month: number; day: number; hours: number; minutes: number; seconds: number };
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export function zipRecords(zip: Uint8Array): ZipRecord[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // No archive comment is written, so the end record is the last 22 bytes.
  const end = zip.length - 22;
  if (view.getUint32(end, true) !== EOCD_SIGNATURE) throw new Error('No end of central directory record');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const records: ZipRecord[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw new Error(`No central directory header at ${at}`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const time = view.getUint16(at + 12, true);
    const date = view.getUint16(at + 14, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const nameBytes = zip.subarray(at + 46, at + 46 + nameLength);
    const name = flags & 0x800 ? new TextDecoder().decode(nameBytes) : String.fromCharCode(...nameBytes);
    if (view.getUint32(local, true) !== LOCAL_SIGNATURE) throw new Error(`No local header for ${name}`);
    records.push({
      name,
      method,
      localMethod: view.getUint16(local + 8, true),
      flags,
      compressedSize,
      size,
      modified: {
        year: 1980 + (date >> 9),
        month: (date >> 5) & 0xf,
        day: date & 0x1f,
        hours: time >> 11,
        minutes: (time >> 5) & 0x3f,
        seconds: (time & 0x1f) * 2,
      },
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return records;
}
