// A GB18030 encoder built by inverting Node's own TextDecoder('gb18030'), so what we write
// decodes back exactly with the decoder the importer uses (and Excel on Chinese Windows
// reads it). No dependency: the table is built once, lazily, in a few tens of milliseconds.

let bmp: Uint32Array | null = null; // code unit → bytes packed big-endian; 0 = not yet mapped

function build(): Uint32Array {
  const table = new Uint32Array(0x10000);
  const decoder = new TextDecoder('gb18030');
  const two = new Uint8Array(2);
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      if (b2 === 0x7f) continue;
      two[0] = b1;
      two[1] = b2;
      const s = decoder.decode(two);
      const cp = s.charCodeAt(0);
      if (s.length === 1 && cp !== 0xfffd && table[cp] === 0) table[cp] = (b1 << 8) | b2;
    }
  }
  // Four-byte codes 0x81308130–0x8431A439 cover the rest of the BMP (linear index < 39420).
  const four = new Uint8Array(4);
  for (let l = 0; l < 39420; l++) {
    four[0] = 0x81 + Math.floor(l / 12600);
    four[1] = 0x30 + (Math.floor(l / 1260) % 10);
    four[2] = 0x81 + (Math.floor(l / 10) % 126);
    four[3] = 0x30 + (l % 10);
    const s = decoder.decode(four);
    const cp = s.charCodeAt(0);
    if (s.length === 1 && cp !== 0xfffd && table[cp] === 0) {
      table[cp] = ((four[0] << 24) | (four[1] << 16) | (four[2] << 8) | four[3]) >>> 0;
    }
  }
  return table;
}

/** Encodes text as GB18030 bytes (every Unicode character has a GB18030 code). */
export function encodeGb18030(text: string): Buffer {
  bmp ??= build();
  const out = Buffer.allocUnsafe(text.length * 4);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // Supplementary planes map linearly onto 0x90308130 and up.
      const cp = ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00) + 0x10000;
      const l = cp - 0x10000;
      out[n++] = 0x90 + Math.floor(l / 12600);
      out[n++] = 0x30 + (Math.floor(l / 1260) % 10);
      out[n++] = 0x81 + (Math.floor(l / 10) % 126);
      out[n++] = 0x30 + (l % 10);
      continue;
    }
    const code = bmp[c] as number;
    if (code === 0) throw new Error(`no GB18030 code for U+${c.toString(16).toUpperCase()}`);
    if (code > 0xffff) {
      out[n++] = code >>> 24;
      out[n++] = (code >>> 16) & 0xff;
      out[n++] = (code >>> 8) & 0xff;
      out[n++] = code & 0xff;
    } else {
      out[n++] = code >>> 8;
      out[n++] = code & 0xff;
    }
  }
  return out.subarray(0, n);
}
