import { describe, expect, it } from '@jest/globals'
import { errorOf, parse } from './support.ts'

const TENANT = '11111111-2222-4333-8444-555555555555'
const CLIENT = '66666666-7777-4888-8999-000000000000'

const base = { kind: 'pki', certificates: 'certs/*.pem', 'tenant-id': TENANT, 'client-id': CLIENT, 'display-name': 'Contoso' }

describe('settings: defaults', () => {
  it('fills defaults per kind and cloud', () => {
    const { settings, warnings } = parse(base)
    expect(settings).toEqual({
      kind: 'pki',
      certificates: ['certs/*.pem'],
      workspace: '/ws',
      credentials: { tenantId: TENANT, clientId: CLIENT },
      cloud: 'global',
      graphUrl: 'https://graph.microsoft.com',
      authorityUrl: 'https://login.microsoftonline.com',
      audience: 'api://AzureADTokenExchange',
      apiVersion: 'v1.0',
      displayName: 'Contoso',
      mode: 'sync',
      allowRecreate: false,
      crlOverrides: [],
      issuerHints: false,
      minValidityDays: 30,
      strict: false,
      dryRun: false,
      failOnDrift: false,
      prComment: false,
      crlCheck: 'warn',
      ifExpired: 'error',
      leafCertificates: []
    })
    expect(warnings).toEqual([])
  })

  it.each<[string, Record<string, string>, string]>([
    ['application', {}, 'beta'],
    ['organization', {}, 'v1.0'],
    ['pki', { 'api-version': 'beta' }, 'beta']
  ])('%s defaults to the right API version', (kind, extra, version) => {
    expect(parse({ ...base, kind, ...extra }).settings.apiVersion).toBe(version)
  })

  it.each([
    ['usgov', 'https://graph.microsoft.us', 'https://login.microsoftonline.us'],
    ['dod', 'https://dod-graph.microsoft.us', 'https://login.microsoftonline.us'],
    ['china', 'https://microsoftgraph.chinacloudapi.cn', 'https://login.partner.microsoftonline.cn']
  ])('cloud %s selects its hosts', (cloud, graph, authority) => {
    const { settings } = parse({ ...base, cloud })
    expect([settings.graphUrl, settings.authorityUrl]).toEqual([graph, authority])
  })

  it('takes overrides, multi-line certificates, and CRL lines', () => {
    const { settings } = parse({
      ...base,
      certificates: 'certs/root.pem\n\n  certs/issuing/*.crt  \n',
      'graph-url': 'https://127.0.0.1:8443/',
      'authority-url': 'https://127.0.0.1:8443',
      audience: 'custom',
      'crl-urls': '# comment\naa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd http://crl/a.crl http://crl/a+.crl\n',
      'min-validity-days': '0',
      strict: 'TRUE',
      mode: 'replace'
    })
    expect(settings.certificates).toEqual(['certs/root.pem', 'certs/issuing/*.crt'])
    expect([settings.graphUrl, settings.authorityUrl, settings.audience]).toEqual([
      'https://127.0.0.1:8443',
      'https://127.0.0.1:8443',
      'custom'
    ])
    expect(settings.crlOverrides).toEqual([
      {
        thumbprint: 'aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd',
        crlUrl: 'http://crl/a.crl',
        deltaCrlUrl: 'http://crl/a+.crl'
      }
    ])
    expect([settings.minValidityDays, settings.strict, settings.mode]).toEqual([0, true, 'replace'])
  })

  it('takes a thumbprint as Windows shows it (hex pairs with spaces) as one field', () => {
    const spaced = 'a9 09 50 2d d8 2a e4 14 33 e6 f8 38 86 b0 0d 42 77 a3 2a 7b'
    expect(
      parse({ ...base, 'crl-urls': `${spaced}  http://crl/a.crl\n${spaced} http://crl/b.crl http://crl/b+.crl` }).settings.crlOverrides
    ).toEqual([
      { thumbprint: 'a909502dd82ae41433e6f83886b00d4277a32a7b', crlUrl: 'http://crl/a.crl' },
      { thumbprint: 'a909502dd82ae41433e6f83886b00d4277a32a7b', crlUrl: 'http://crl/b.crl', deltaCrlUrl: 'http://crl/b+.crl' }
    ])
  })

  it('dry-run needs no credentials, and a domain name is a valid tenant', () => {
    expect(parse({ kind: 'organization', certificates: 'a.pem', 'dry-run': 'true' }).settings.credentials).toBeUndefined()
    expect(parse({ ...base, 'tenant-id': 'contoso.onmicrosoft.com' }).settings.credentials?.tenantId).toBe('contoso.onmicrosoft.com')
  })

  it('warns about inputs that do not apply to the kind', () => {
    const { warnings } = parse({ ...base, kind: 'organization', 'display-name': 'x', description: 'y', 'issuer-hints': 'true' })
    expect(warnings.join('\n')).toMatch(/display-name.*ignored/)
    expect(warnings.join('\n')).toMatch(/description.*application/)
    expect(warnings.join('\n')).toMatch(/issuer-hints.*pki/)
  })
})

describe('settings: every bad value is an error naming the input and what it accepts', () => {
  it.each([
    ['unknown kind', { kind: 'tenant' }, /`kind` is "tenant"; accepted values: organization, pki, application/],
    ['missing kind', { kind: '' }, /`kind` is required; accepted values/],
    ['no certificates', { certificates: ' \n ' }, /`certificates` is required/],
    [
      'application on v1.0',
      { kind: 'application', 'api-version': 'v1.0' },
      /application` exists in Graph beta only; set `api-version: beta`/
    ],
    ['unknown api version', { 'api-version': 'v2' }, /`api-version` is "v2"; accepted values: v1.0, beta/],
    ['pki without display-name', { 'display-name': '' }, /`display-name` is required for `kind: pki`/],
    ['application without display-name', { kind: 'application', 'display-name': '' }, /`display-name` is required for `kind: application`/],
    ['too long display-name', { 'display-name': 'x'.repeat(257) }, /257 characters; Graph accepts at most 256/],
    ['bad boolean', { 'dry-run': 'yes' }, /`dry-run` is "yes"; accepted values: true or false/],
    ['bad boolean strict', { strict: '1' }, /`strict` is "1"/],
    ['bad mode', { mode: 'mirror' }, /`mode` is "mirror"; accepted values: sync, replace/],
    ['bad cloud', { cloud: 'azure' }, /`cloud` is "azure"; accepted values: global, usgov, dod, china/],
    ['missing tenant', { 'tenant-id': '' }, /`tenant-id` is required to publish; give it, or set `dry-run: true`/],
    ['missing client', { 'client-id': '' }, /`client-id` is required to publish/],
    ['one credential in dry-run', { 'client-id': '', 'dry-run': 'true' }, /`client-id` is missing while the other credential input is set/],
    ['client id not a GUID', { 'client-id': 'my-app' }, /`client-id` is "my-app"; give the application \(client\) id/],
    ['tenant not a GUID or domain', { 'tenant-id': 'not a tenant' }, /`tenant-id` is "not a tenant"/],
    ['graph url with a path', { 'graph-url': 'https://graph.microsoft.com/v1.0' }, /`graph-url`.*only the https origin.*api-version/],
    ['http graph url', { 'graph-url': 'http://graph.microsoft.com' }, /`graph-url`/],
    ['authority with tenant', { 'authority-url': 'https://login.microsoftonline.com/contoso' }, /`authority-url`.*tenant-id/],
    ['not a URL', { 'authority-url': 'login' }, /`authority-url` is "login", which is not a URL/],
    ['bad days', { 'min-validity-days': '-3' }, /`min-validity-days` is "-3"; give a whole number/],
    ['crl line with one field', { 'crl-urls': 'AABBCCDDEEFF00112233445566778899AABBCCDD' }, /`crl-urls` line 1 has 1 field/],
    [
      'crl line with four fields',
      { 'crl-urls': '\nAABBCCDDEEFF00112233445566778899AABBCCDD http://a http://b http://c' },
      /`crl-urls` line 2 has 4 field/
    ],
    [
      'a spaced thumbprint with nothing after it',
      { 'crl-urls': 'a9 09 50 2d d8 2a e4 14 33 e6 f8 38 86 b0 0d 42 77 a3 2a 7b' },
      /`crl-urls` line 1 has 1 field/
    ],
    [
      'graph url with a password',
      { 'graph-url': 'https://user:hunter2hunter2@graph.microsoft.com/v1.0' },
      /^Input `graph-url` holds a user name or password; give only the https origin/
    ]
  ])('%s', (_name, inputs, message) => {
    expect(errorOf({ ...base, ...inputs })).toMatch(message)
  })

  it('never echoes a URL that holds a password', () => {
    expect(errorOf({ ...base, 'authority-url': 'https://me:s3cr3t-s3cr3t@login.microsoftonline.com' })).not.toMatch(/s3cr3t/)
  })

  it('reports all problems together', () => {
    const message = errorOf({ ...base, mode: 'x', strict: 'x', 'client-id': '' })
    expect(message).toMatch(/^The inputs have 3 problems:/)
    expect(message.split('\n- ')).toHaveLength(4)
  })
})
