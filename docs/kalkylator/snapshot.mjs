/*
 * The worker's start-up snapshot in this site's origin private file system
 * (OPFS): stored after the first start, read on the next visit (see worker.mjs
 * for what it holds and why).
 *
 * Why OPFS, not IndexedDB: reading the snapshot is on a second visit's critical
 * path. Chromium hands a 12 MB IndexedDB value back as a blob that arrives in
 * chunks: the snapshot was in hand about 300 ms after the worker started
 * (scripts/bench, "warm", 2-core machine). A dedicated worker reads an OPFS
 * file synchronously (createSyncAccessHandle), in one call: 8–10 ms from a
 * profile on disk. One call, because each call is a round trip to the browser
 * in a private window: reading page by page there took about 270 ms, reading
 * the whole file 50–110 ms.
 * Where OPFS is missing (an old browser, some private modes) reading gives
 * "no snapshot" and storing gives up: a normal start, only slower.
 *
 * Why packed: the snapshot is the interpreter's whole memory, about 31 MB, and
 * some 60 % of its 64 KiB pages are all zeros. Only the pages holding data are
 * stored, after an index of their numbers, and the zeros come back on reading.
 * Packed layout (little-endian 32-bit words): MAGIC, full length, page count n,
 * n page numbers; then the n pages' bytes in that order (the last page may be
 * short). A file cut short (a tab closed while storing) fails the length check
 * and reads as "no snapshot".
 */
const FILE_PREFIX = "bokvar-snapshot-";
// Builds before the move to OPFS kept the snapshot here; storing a new one deletes it.
const OLD_DATABASE = "bokvar-kalkylator-snapshot";
const PAGE = 65536;
const MAGIC = 0x626b7631; // "bkv1"

const fileName = (buildId) => FILE_PREFIX + String(buildId).replace(/[^0-9A-Za-z.-]/g, "_");

/** The snapshot without its all-zero pages: the parts to write, in order. */
export function pack(bytes) {
  const pages = [];
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4));
  for (let start = 0; start < bytes.byteLength; start += PAGE) {
    const end = Math.min(start + PAGE, bytes.byteLength);
    let empty = true;
    for (let i = start / 4; i < Math.floor(end / 4) && empty; i++) empty = words[i] === 0;
    for (let i = Math.floor(end / 4) * 4; i < end && empty; i++) empty = bytes[i] === 0;
    if (!empty) pages.push(start / PAGE);
  }
  const header = new Uint8Array(new Uint32Array([MAGIC, bytes.byteLength, pages.length, ...pages]).buffer);
  const parts = pages.map((page) =>
    bytes.subarray(page * PAGE, Math.min((page + 1) * PAGE, bytes.byteLength)),
  );
  return [header, ...parts];
}

/** The full snapshot again from packed bytes (an ArrayBuffer); undefined for anything else. */
export function unpack(buffer) {
  const size = buffer.byteLength;
  if (size < 12) return undefined;
  const [magic, length, count] = new Uint32Array(buffer, 0, 3);
  const start = 12 + 4 * count;
  if (magic !== MAGIC || count > Math.ceil(length / PAGE) || size < start) return undefined;
  const pages = new Uint32Array(buffer, 12, count);
  const bytes = new Uint8Array(length);
  let offset = start;
  for (const page of pages) {
    const at = page * PAGE;
    if (at >= length) return undefined;
    const part = Math.min(PAGE, length - at);
    if (offset + part > size) return undefined;
    bytes.set(new Uint8Array(buffer, offset, part), at);
    offset += part;
  }
  return offset === size ? bytes : undefined;
}

/** This build's snapshot (a Uint8Array), or undefined if there is none or it cannot be read. */
export async function readSnapshot(buildId) {
  let access = null;
  try {
    const root = await navigator.storage.getDirectory();
    const file = await root.getFileHandle(fileName(buildId));
    // read-only: several tabs may read at once (browsers without the option lock the file).
    access = await file.createSyncAccessHandle({ mode: "read-only" });
    const packed = new Uint8Array(access.getSize());
    if (access.read(packed, { at: 0 }) !== packed.length) return undefined;
    return unpack(packed.buffer);
  } catch {
    return undefined;
  } finally {
    access?.close();
  }
}

/** Store this build's snapshot in place of every older one; a failure only costs speed. */
export async function storeSnapshot(buildId, bytes) {
  let access = null;
  try {
    const root = await navigator.storage.getDirectory();
    const name = fileName(buildId);
    const older = [];
    for await (const entry of root.keys()) {
      if (entry.startsWith(FILE_PREFIX) && entry !== name) older.push(entry);
    }
    for (const entry of older) {
      // Another tab may still be reading it: then it goes with the next build's snapshot.
      await root.removeEntry(entry).catch(() => {});
    }
    const file = await root.getFileHandle(name, { create: true });
    access = await file.createSyncAccessHandle();
    access.truncate(0);
    let at = 0;
    for (const part of pack(bytes)) at += access.write(part, { at });
    access.flush();
  } catch (error) {
    console.warn("No start-up snapshot stored:", error);
  } finally {
    access?.close();
  }
  try {
    indexedDB.deleteDatabase(OLD_DATABASE);
  } catch {
    // nothing to delete, or no IndexedDB here
  }
}
