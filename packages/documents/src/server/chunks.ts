import { createHash } from 'node:crypto'

/** Automerge's chunk magic bytes (every saved document or change starts with them). */
const MAGIC = [0x85, 0x6f, 0x4a, 0x83]

/**
 * Checks that `bytes` is a sequence of whole Automerge chunks whose checksums match: magic,
 * 4-byte checksum (first bytes of SHA-256 over type, length and contents), type, LEB128
 * length, contents. A file cut short by a crash or flipped on disk fails here, before
 * Automerge would refuse the whole document it belongs to. Returns the problem, or undefined.
 */
export function chunkProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'empty file'
  let offset = 0
  while (offset < bytes.length) {
    if (bytes.length - offset < 10) return `truncated chunk header at byte ${offset}`
    for (let i = 0; i < 4; i++) {
      if (bytes[offset + i] !== MAGIC[i]) return `no Automerge chunk at byte ${offset}`
    }
    let length = 0
    let shift = 0
    let cursor = offset + 9
    for (;;) {
      if (cursor >= bytes.length || shift > 35) return `bad chunk length at byte ${offset}`
      const byte = bytes[cursor++] as number
      length += (byte & 0x7f) * 2 ** shift
      shift += 7
      if ((byte & 0x80) === 0) break
    }
    const end = cursor + length
    if (end > bytes.length) return `chunk at byte ${offset} is cut short (file truncated)`
    const digest = createHash('sha256')
      .update(bytes.subarray(offset + 8, end))
      .digest()
    for (let i = 0; i < 4; i++) {
      if (digest[i] !== bytes[offset + 4 + i]) return `checksum mismatch in chunk at byte ${offset}`
    }
    offset = end
  }
  return undefined
}
