// src/runner.ts speaks the runner protocol itself (so start-up loads nothing); @actions/core is
// the reference implementation: for the same calls, both must write the same bytes.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as runner from '../src/runner.ts'

const NASTY = 'a %25 b % c\r\nd:e,f::g\n::error::h ünïcødé'

let written: string[]
let dir: string
beforeEach(() => {
  written = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk))
    return true
  })
  dir = mkdtempSync(join(tmpdir(), 'runner-'))
  for (const name of ['output', 'summary']) writeFileSync(join(dir, name), '')
  process.env.GITHUB_OUTPUT = join(dir, 'output')
  process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary')
  process.env.GITHUB_ACTIONS = 'true'
})
afterEach(() => {
  jest.restoreAllMocks()
  delete process.env.GITHUB_OUTPUT
  delete process.env.GITHUB_STEP_SUMMARY
  delete process.env.GITHUB_ACTIONS
  delete process.env.RUNNER_DEBUG
  process.exitCode = 0
})

/** What a call writes to stdout. */
const stdout = (call: () => void): string => {
  written = []
  call()
  return written.join('')
}

describe('the runner protocol, held to @actions/core', () => {
  it.each<[string, (m: string) => void, (m: string) => void]>([
    ['info', core.info, runner.info],
    ['debug', core.debug, runner.debug],
    ['setSecret', core.setSecret, runner.setSecret],
    ['error', (m) => core.error(m), (m) => runner.error(m)],
    ['warning', (m) => core.warning(m), (m) => runner.warning(m)],
    ['notice', (m) => core.notice(m), (m) => runner.notice(m)],
    ['error with a file', (m) => core.error(m, { file: 'certs/a,b:c.pem' }), (m) => runner.error(m, { file: 'certs/a,b:c.pem' })],
    [
      'warning with every property',
      (m) => core.warning(m, { title: 'T: 1, 2', file: 'f.pem', startLine: 3, endLine: 4, startColumn: 5, endColumn: 6 }),
      (m) => runner.warning(m, { title: 'T: 1, 2', file: 'f.pem', line: 3, endLine: 4, col: 5, endColumn: 6 })
    ],
    ['setFailed', core.setFailed, runner.setFailed]
  ])('%s writes the same command', (_name, theirs, ours) => {
    for (const message of ['plain', '', NASTY]) {
      expect(stdout(() => ours(message))).toBe(stdout(() => theirs(message)))
    }
  })

  it('setFailed sets exit code 1', () => {
    stdout(() => runner.setFailed('x'))
    expect(process.exitCode).toBe(1)
  })

  it('setOutput appends the same GITHUB_OUTPUT block (delimiters aside)', () => {
    const file = process.env.GITHUB_OUTPUT!
    const read = (): string => readFileSync(file, 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X')
    core.setOutput('plan', `[${JSON.stringify(NASTY)}]\nline 2`)
    const theirs = read()
    writeFileSync(file, '')
    runner.setOutput('plan', `[${JSON.stringify(NASTY)}]\nline 2`)
    expect(read()).toBe(theirs)
  })

  it('appendSummary appends like core.summary.addRaw().write()', async () => {
    const file = process.env.GITHUB_STEP_SUMMARY!
    await core.summary.addRaw(`## T\n\n| a | b |\n${NASTY}\n`).write()
    const theirs = readFileSync(file, 'utf8')
    writeFileSync(file, '')
    runner.appendSummary(`## T\n\n| a | b |\n${NASTY}\n`)
    expect(readFileSync(file, 'utf8')).toBe(theirs)
  })

  it('outside a runner (no GITHUB_OUTPUT / GITHUB_STEP_SUMMARY) prints outputs and the summary, each variable named once', () => {
    delete process.env.GITHUB_OUTPUT
    delete process.env.GITHUB_STEP_SUMMARY
    const printed = stdout(() => {
      runner.setOutput('created', '["AB"]')
      runner.setOutput('removed', '[]')
      runner.appendSummary('## T\n\n| a |\n')
    })
    expect(printed.split('\n')).toEqual([
      'GITHUB_OUTPUT is not set (not a GitHub Actions runner): writing to standard output instead.',
      'output created=["AB"]',
      'output removed=[]',
      'GITHUB_STEP_SUMMARY is not set (not a GitHub Actions runner): writing to standard output instead.',
      '## T',
      '',
      '| a |',
      ''
    ])
    expect(process.exitCode ?? 0).toBe(0)
  })

  it('outside a runner prints no secret (nothing would mask it), and debug lines only with RUNNER_DEBUG=1', () => {
    delete process.env.GITHUB_ACTIONS
    expect(stdout(() => runner.setSecret('s3cr3t-token'))).toBe('')
    expect(stdout(() => runner.debug('detail'))).toBe('')
    process.env.RUNNER_DEBUG = '1'
    expect(stdout(() => runner.debug('detail'))).toBe('::debug::detail\n')
    process.env.GITHUB_ACTIONS = 'true'
    expect(stdout(() => runner.setSecret('s3cr3t-token'))).toBe('::add-mask::s3cr3t-token\n')
  })

  it('refuses a GITHUB_OUTPUT that names a missing file, as the runner would', () => {
    process.env.GITHUB_OUTPUT = join(dir, 'missing')
    expect(() => runner.setOutput('x', 'y')).toThrow(/does not exist/)
  })
})
