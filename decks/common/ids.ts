// Short random ids for decks, slides, revisions and warnings. Web Crypto exists both in Node and in browsers.
declare const crypto: { getRandomValues<T extends Uint8Array>(a: T): T };

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32: no i, l, o, u — easy to read aloud and type

/** A random id of `length` characters (10 → 50 bits: plenty within one database). */
export function newId(length = 10): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let id = '';
  for (const b of bytes) id += ALPHABET[b & 31];
  return id;
}
