/*
 * The worker's start-up snapshot in this browser's IndexedDB: stored after the
 * first start, read on the next visit (see worker.mjs for what it holds and why).
 *
 * Why packed: the snapshot is the interpreter's whole memory, about 31 MB, and
 * some 60 % of its 64 KiB pages are all zeros. Reading it back is on a second
 * visit's critical path (about 330 ms for 31 MB on a 2-core machine,
 * scripts/bench "warm"), so only the pages holding data are stored, after an
 * index of their numbers, and the zeros are filled in again on reading.
 * Packed layout (little-endian 32-bit words): MAGIC, full length, page count n,
 * n page numbers; then the n pages' bytes in that order (the last page may be
 * short).
 */
const DB = "bokvar-kalkylator-snapshot";
const PAGE = 65536;
const MAGIC = 0x626b7631; // "bkv1"

/** The snapshot without its all-zero pages, as a Blob. */
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
  const header = new Uint32Array([MAGIC, bytes.byteLength, pages.length, ...pages]);
  const parts = pages.map((page) =>
    bytes.subarray(page * PAGE, Math.min((page + 1) * PAGE, bytes.byteLength)),
  );
  return new Blob([header, ...parts]);
}

/** The full snapshot again from pack()'s bytes; undefined for anything else. */
export function unpack(buffer) {
  if (buffer.byteLength < 12) return undefined;
  const [magic, length, count] = new Uint32Array(buffer, 0, 3);
  if (magic !== MAGIC || buffer.byteLength < 12 + 4 * count) return undefined;
  const pages = new Uint32Array(buffer, 12, count);
  const bytes = new Uint8Array(length);
  let offset = 12 + 4 * count;
  for (const page of pages) {
    const size = Math.min(PAGE, length - page * PAGE);
    bytes.set(new Uint8Array(buffer, offset, size), page * PAGE);
    offset += size;
  }
  return offset === buffer.byteLength ? bytes : undefined;
}

function withStore(mode, use) {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DB, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore("snapshots");
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      const transaction = db.transaction("snapshots", mode);
      const request = use(transaction.objectStore("snapshots"));
      transaction.oncomplete = () => {
        db.close();
        resolve(request.result);
      };
      transaction.onerror = transaction.onabort = () => {
        db.close();
        reject(transaction.error);
      };
    };
  });
}

/** This build's snapshot (a Uint8Array), or undefined if there is none or it cannot be read. */
export function readSnapshot(buildId) {
  return withStore("readonly", (store) => store.get(buildId))
    .then((stored) => (stored instanceof Blob ? stored.arrayBuffer() : undefined))
    .then((buffer) => buffer && unpack(buffer))
    .catch(() => undefined);
}

/** Store this build's snapshot in place of every older one; a failure only costs speed. */
export function storeSnapshot(buildId, bytes) {
  withStore("readwrite", (store) => {
    store.clear();
    return store.put(pack(bytes), buildId);
  }).catch((error) => console.warn("No start-up snapshot stored:", error));
}
