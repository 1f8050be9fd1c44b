// Paths and globs -> parsed certificates. Patterns resolve against the workspace (absolute paths
// work too), each file is read once, and every failure becomes a Problem rather than an exception.
import { glob, lstat, stat } from 'node:fs/promises'
import path from 'node:path'
import { decodeCertificateFile } from './decode.ts'
import { certificateAt, certificateProblem } from './location.ts'
import { CertificateFormatError, parseCertificate } from './parse.ts'
import { readCertificateFile } from './read-file.ts'
import type { LoadedCertificates, ParsedCertificate, Problem } from './types.ts'

const GLOB_CHARACTERS = /[*?[\]{}]/
// A CA set is at most a few hundred certificates (a PKI holds 250), in a handful of files; a
// pattern that matches more has caught something else (a build tree, a system folder).
export const MAX_FILES = 1000

interface Match {
  readonly absolute: string
  readonly display: string
  /** Named by a pattern without glob characters (not only caught by a glob). */
  readonly explicit: boolean
}

/** Files read at once (see loadCertificates). */
const READ_AHEAD = 8

/** `input` names the action input the patterns come from, in messages (`certificates`, `leaf-certificates`). */
export async function loadCertificates(
  patterns: readonly string[],
  workspace: string,
  input = 'certificates'
): Promise<LoadedCertificates> {
  const root = path.resolve(workspace)
  const problems: Problem[] = []
  const files: Match[] = []
  const seen = new Map<string, number>()
  for (const pattern of patterns.map((p) => p.trim()).filter((p) => p !== '')) {
    const resolved = await resolvePattern(pattern, root, input)
    if ('problem' in resolved) {
      problems.push(resolved.problem)
      continue
    }
    const explicit = !GLOB_CHARACTERS.test(pattern)
    for (const absolute of resolved.files) {
      const at = seen.get(absolute)
      if (at !== undefined) {
        // Caught by a glob and also named: it was named.
        if (explicit && files[at] !== undefined) files[at] = { ...files[at], explicit: true }
        continue
      }
      seen.set(absolute, files.length)
      files.push({ absolute, display: displayPath(absolute, root), explicit })
    }
  }
  if (files.length > MAX_FILES) {
    problems.push({ severity: 'error', message: `\`${input}\` matches ${files.length} files, more than ${MAX_FILES}; ${NARROW}` })
    return { certificates: [], problems }
  }
  // A few files at a time, in order: the reads overlap (a bundle folder holds hundreds of small
  // files, and one at a time left the process idle), while at most READ_AHEAD files' bytes (each up
  // to MAX_FILE_BYTES) are held at once.
  const loaded: LoadedCertificates[] = new Array<LoadedCertificates>(files.length)
  let next = 0
  const reader = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++) loaded[i] = await loadFile(files[i]!)
  }
  await Promise.all(Array.from({ length: Math.min(READ_AHEAD, files.length) }, reader))
  return {
    certificates: loaded.flatMap((file) => file.certificates),
    problems: [...problems, ...loaded.flatMap((file) => file.problems)]
  }
}

type Resolution = { readonly files: readonly string[] } | { readonly problem: Problem }

const NARROW = `a set of CA certificates is a handful of files (a PKI holds at most 250 CAs); narrow the patterns to the CA files, e.g. \`pki/*.crt\``

async function resolvePattern(pattern: string, root: string, input: string): Promise<Resolution> {
  const noMatch = (what: string): Resolution => ({
    problem: {
      severity: 'error',
      message:
        `\`${pattern}\` ${what} in ${root} (paths and globs in \`${input}\` are relative to the workspace); ` +
        `check the path and its case, and that an earlier step created the files${mistakeIn(pattern)}`
    }
  })
  if (!GLOB_CHARACTERS.test(pattern)) {
    const absolute = path.resolve(root, pattern)
    const stats = await stat(absolute).catch(() => undefined)
    if (stats !== undefined) {
      if (!stats.isDirectory()) return { files: [absolute] }
      const display = displayPath(absolute, root)
      return {
        problem: {
          severity: 'error',
          message: `${display} is a directory; name the certificate files in it, e.g. \`${path.posix.join(pattern, '*.pem')}\``,
          file: display
        }
      }
    }
    // Nothing there. A link that leads nowhere (or in a loop) is there, though: reading it says which.
    const link = await lstat(absolute).catch(() => undefined)
    return link?.isSymbolicLink() === true ? { files: [absolute] } : noMatch('matches no file')
  }
  const files: string[] = []
  const folders: string[] = []
  for await (const entry of glob(pattern, { cwd: root, withFileTypes: true })) {
    const absolute = path.join(entry.parentPath, entry.name)
    // A glob such as `certs/*` also lists folders (and links to folders): they are not what the
    // user meant to publish. A link that leads nowhere stays in, so that it is reported.
    const folder = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(absolute).catch(() => undefined))?.isDirectory() === true)
    if (folder) folders.push(absolute)
    else files.push(absolute)
    if (files.length > MAX_FILES) {
      return { problem: { severity: 'error', message: `\`${pattern}\` matches more than ${MAX_FILES} files; ${NARROW}` } }
    }
  }
  if (files.length === 0 && folders.length > 0) {
    const shown = folders
      .sort()
      .slice(0, 3)
      .map((folder) => displayPath(folder, root))
    return {
      problem: {
        severity: 'error',
        message:
          `\`${pattern}\` matches only directories (${shown.join(', ')}${folders.length > shown.length ? ', ...' : ''}), no file; ` +
          `name the certificate files in them, e.g. \`${path.posix.join(pattern, '*.pem')}\``
      }
    }
  }
  if (files.length === 0) return noMatch('matches no file')
  // glob yields in directory order, which differs between file systems; sort for stable output.
  return { files: files.sort() }
}

/** A hint for the two ways a pattern goes wrong most, written by hand in YAML. */
function mistakeIn(pattern: string): string {
  if (/^(["']).*\1$/.test(pattern)) return '; remove the quotes around it (each line of `certificates` is taken as written)'
  if (path.sep === '/' && pattern.includes('\\')) {
    return '; write `/` between folders (`\\` separates no folders on Linux and macOS runners)'
  }
  return ''
}

/** Relative to the workspace (with `/`) when inside it, else absolute. */
function displayPath(absolute: string, root: string): string {
  const relative = path.relative(root, absolute)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute
  return relative.split(path.sep).join('/')
}

async function loadFile(file: Match): Promise<LoadedCertificates> {
  const read = await readCertificateFile(file.absolute)
  if ('problem' in read) {
    return { certificates: [], problems: [{ severity: 'error', message: `${file.display} ${read.problem}`, file: file.display }] }
  }
  const decoded = decodeCertificateFile(read.bytes)
  if (decoded.notCertificates === true && !file.explicit) return skippedFile(file, decoded.problems[0]?.message ?? '')
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

/**
 * A file a glob caught that is no certificate file at all (a README, a signed checksum file beside
 * the bundles, as DISA's zip has): skipped with a notice naming it. Named explicitly, it is an error.
 */
function skippedFile(file: Match, why: string): LoadedCertificates {
  const what = why.split(';')[0] ?? why
  return {
    certificates: [],
    problems: [
      {
        severity: 'notice',
        message: `${file.display} ${what}; skipped (a glob matched it; named explicitly it would be an error)`,
        file: file.display
      }
    ]
  }
}
