// Reads one file a pattern matched, defensively: a glob over a workspace can catch anything, and
// no file may hang the run or fill the runner's memory. So: regular files only (a named pipe would
// block a read forever, /dev/zero would never end), the size judged before reading, and the read
// itself bounded, since a file can grow after the check and /proc files report size 0.
import { constants, type Stats } from 'node:fs'
import { open, readlink } from 'node:fs/promises'

// Far above any CA bundle (Mozilla's 140-odd roots take 200 KB); a glob that catches a build
// artefact should fail with a message, not fill the runner's memory.
export const MAX_FILE_BYTES = 10 * 1024 * 1024
const CHUNK_BYTES = 64 * 1024
// O_NONBLOCK: opening a named pipe must not wait for a writer (it is refused right after, by
// fstat). It does not change reads of regular files. Windows has no such flag.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)
const ONLY_CERTIFICATES = 'point `certificates` at certificate files only'

export type FileRead = { readonly bytes: Buffer } | { readonly problem: string }

/** The bytes of `absolute`, or why it cannot be a certificate file (a message that follows its display name). */
export async function readCertificateFile(absolute: string): Promise<FileRead> {
  let handle
  try {
    handle = await open(absolute, OPEN_FLAGS)
  } catch (error) {
    return { problem: await unreadable(absolute, error) }
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) return { problem: `is ${fileKind(stats)}, not a regular file; ${ONLY_CERTIFICATES}` }
    if (stats.size > MAX_FILE_BYTES) return { problem: tooLarge(stats.size) }
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.alloc(CHUNK_BYTES)
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null)
      if (bytesRead === 0) break
      total += bytesRead
      // It grew while being read, or is a /proc-like file that reports size 0.
      if (total > MAX_FILE_BYTES) return { problem: tooLarge(total, 'more than ') }
      chunks.push(chunk.subarray(0, bytesRead))
    }
    return { bytes: Buffer.concat(chunks, total) }
  } catch (error) {
    return { problem: await unreadable(absolute, error) }
  } finally {
    await handle.close()
  }
}

function tooLarge(bytes: number, qualifier = ''): string {
  const megabytes = Math.max(1, Math.round(bytes / 1024 / 1024))
  return (
    `is ${qualifier}${megabytes} MB, too large for a certificate file (the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB, ` +
    `far above any CA bundle), so it was not read; ${ONLY_CERTIFICATES}`
  )
}

function fileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory'
  if (stats.isFIFO()) return 'a named pipe (FIFO)'
  if (stats.isSocket()) return 'a socket'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device'
  return 'not a regular file'
}

async function unreadable(absolute: string, error: unknown): Promise<string> {
  // Not `instanceof Error`: errors from another realm (a VM context, as under jest) would fail it.
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined
  switch (code) {
    case 'EISDIR':
      return 'is a directory; name the certificate files in it'
    case 'EACCES':
    case 'EPERM':
      return "cannot be read (permission denied); make it readable by the runner's user"
    case 'ELOOP':
      return 'is a symbolic link that loops (it leads back to itself through other links); fix or remove the link'
    case 'ENXIO':
      return `is a socket or a device, not a regular file; ${ONLY_CERTIFICATES}`
    case 'ENOENT': {
      // The pattern matched it, so it is a link to nothing.
      const target = await readlink(absolute).catch(() => undefined)
      return target === undefined
        ? 'no longer exists (it was removed while the action ran); check the steps before this one'
        : `is a symbolic link to ${target}, which does not exist; fix the link or name the file it should point to`
    }
    default:
      return `cannot be read${code === undefined ? '' : ` (${code})`}; check that it is a regular, readable file`
  }
}
