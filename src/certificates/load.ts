// Paths and globs -> parsed certificates. Patterns resolve against the workspace (absolute paths
// work too), each file is read once, and every failure becomes a Problem rather than an exception.
import { glob, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { decodeCertificateFile } from './decode.ts'
import { certificateAt, certificateProblem } from './location.ts'
import { CertificateFormatError, parseCertificate } from './parse.ts'
import type { LoadedCertificates, ParsedCertificate, Problem } from './types.ts'

const GLOB_CHARACTERS = /[*?[\]{}]/
// Far above any CA bundle (Mozilla's 140-odd roots take 200 KB); a glob that catches a build
// artefact should fail with a message, not fill the runner's memory.
const MAX_FILE_BYTES = 10 * 1024 * 1024

interface Match {
  readonly absolute: string
  readonly display: string
}

export async function loadCertificates(patterns: readonly string[], workspace: string): Promise<LoadedCertificates> {
  const root = path.resolve(workspace)
  const problems: Problem[] = []
  const files: Match[] = []
  const seen = new Set<string>()
  for (const pattern of patterns.map((p) => p.trim()).filter((p) => p !== '')) {
    const resolved = await resolvePattern(pattern, root)
    if ('problem' in resolved) {
      problems.push(resolved.problem)
      continue
    }
    for (const absolute of resolved.files) {
      if (seen.has(absolute)) continue
      seen.add(absolute)
      files.push({ absolute, display: displayPath(absolute, root) })
    }
  }
  const loaded = await Promise.all(files.map((file) => loadFile(file)))
  return {
    certificates: loaded.flatMap((file) => file.certificates),
    problems: [...problems, ...loaded.flatMap((file) => file.problems)]
  }
}

type Resolution = { readonly files: readonly string[] } | { readonly problem: Problem }

async function resolvePattern(pattern: string, root: string): Promise<Resolution> {
  const noMatch = (what: string): Resolution => ({
    problem: {
      severity: 'error',
      message: `\`${pattern}\` ${what} in ${root} (paths and globs in \`certificates\` are relative to the workspace); ` +
        'check the path and its case, and that an earlier step created the files'
    }
  })
  if (!GLOB_CHARACTERS.test(pattern)) {
    const absolute = path.resolve(root, pattern)
    try {
      const stats = await stat(absolute)
      if (stats.isDirectory()) {
        return {
          problem: {
            severity: 'error',
            message: `${displayPath(absolute, root)} is a directory; name the certificate files in it, e.g. \`${path.posix.join(pattern, '*.pem')}\``,
            file: displayPath(absolute, root)
          }
        }
      }
    } catch {
      return noMatch('matches no file')
    }
    return { files: [absolute] }
  }
  const files: string[] = []
  for await (const entry of glob(pattern, { cwd: root, withFileTypes: true })) {
    // A glob such as `certs/*` also lists folders; they are not what the user meant to publish.
    if (!entry.isDirectory()) files.push(path.join(entry.parentPath, entry.name))
  }
  if (files.length === 0) return noMatch('matches no file')
  // glob yields in directory order, which differs between file systems; sort for stable output.
  return { files: files.sort() }
}

/** Relative to the workspace (with `/`) when inside it, else absolute. */
function displayPath(absolute: string, root: string): string {
  const relative = path.relative(root, absolute)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute
  return relative.split(path.sep).join('/')
}

async function loadFile(file: Match): Promise<LoadedCertificates> {
  let bytes: Buffer
  try {
    const { size } = await stat(file.absolute)
    if (size > MAX_FILE_BYTES) {
      const message = `${file.display} is ${Math.round(size / 1024 / 1024)} MB, too large for a certificate file; point \`certificates\` at the CA files only`
      return { certificates: [], problems: [{ severity: 'error', message, file: file.display }] }
    }
    bytes = await readFile(file.absolute)
  } catch (error) {
    return { certificates: [], problems: [{ severity: 'error', message: unreadable(file.display, error), file: file.display }] }
  }
  const decoded = decodeCertificateFile(bytes)
  const problems: Problem[] = decoded.problems.map((problem) => ({
    severity: problem.severity,
    message: problem.part === undefined ? `${file.display} ${problem.message}` : `${file.display}: ${problem.part} ${problem.message}`,
    file: file.display
  }))
  const certificates: ParsedCertificate[] = []
  const count = decoded.slots.length
  decoded.slots.forEach((slot, i) => {
    const source = { file: file.display, index: i + 1, count }
    if ('error' in slot) {
      problems.push(certificateProblem('error', source, `${certificateAt(source)} ${slot.error}`))
      return
    }
    if (slot.warning !== undefined) problems.push(certificateProblem('warning', source, `${certificateAt(source)} ${slot.warning}`))
    try {
      certificates.push(parseCertificate(slot.der, source))
    } catch (error) {
      if (!(error instanceof CertificateFormatError)) throw error
      problems.push(certificateProblem('error', source, `${certificateAt(source)} is ${error.message}; export the certificate again`))
    }
  })
  return { certificates, problems }
}

function unreadable(display: string, error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined
  if (code === 'EISDIR') return `${display} is a directory; name the certificate files in it`
  if (code === 'EACCES' || code === 'EPERM') {
    return `${display} cannot be read (permission denied); make it readable by the runner's user`
  }
  return `${display} cannot be read${code === undefined ? '' : ` (${code})`}; check that it is a regular, readable file`
}
