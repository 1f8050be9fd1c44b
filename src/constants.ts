// Input and output names, in one place (they are the action's public interface: action.yml).

export const Inputs = {
  kind: 'kind',
  certificates: 'certificates',
  tenantId: 'tenant-id',
  clientId: 'client-id',
  cloud: 'cloud',
  audience: 'audience',
  graphUrl: 'graph-url',
  authorityUrl: 'authority-url',
  apiVersion: 'api-version',
  displayName: 'display-name',
  description: 'description',
  mode: 'mode',
  allowRecreate: 'allow-recreate',
  crlUrls: 'crl-urls',
  issuerHints: 'issuer-hints',
  minValidityDays: 'min-validity-days',
  strict: 'strict',
  dryRun: 'dry-run',
  failOnDrift: 'fail-on-drift',
  prComment: 'pr-comment',
  githubToken: 'github-token',
  crlCheck: 'crl-check',
  ifExpired: 'if-expired',
  leafCertificates: 'leaf-certificates'
} as const

export const Outputs = {
  configurationId: 'configuration-id',
  certificateAuthorityIds: 'certificate-authority-ids',
  created: 'created',
  removed: 'removed',
  unchanged: 'unchanged',
  certificates: 'certificates',
  plan: 'plan',
  backupPath: 'backup-path',
  drift: 'drift',
  skipped: 'skipped'
} as const

/** The singleton id of the organization's certificateBasedAuthConfiguration (graph-api.md §1.1). */
export const ORGANIZATION_CONFIGURATION_ID = '29728ade-6ae4-4ee9-9103-412912537da5'
