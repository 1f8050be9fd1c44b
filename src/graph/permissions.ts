// Shown with a 401/403 from Graph: what the kind needs (graph-api.md §0, least privilege first).
import type { Kind } from '../settings-types.ts'

const NEEDS: Readonly<Record<Kind, { permission: string; roles: string }>> = {
  organization: { permission: 'Organization.ReadWrite.All', roles: 'Global Administrator' },
  pki: {
    permission: 'PublicKeyInfrastructure.ReadWrite.All',
    roles: 'Privileged Authentication Administrator or Authentication Administrator'
  },
  application: {
    permission: 'AppCertTrustConfiguration.ReadWrite.All',
    roles: 'Application Administrator or Cloud Application Administrator'
  }
}

export function permissionHint(kind: Kind): string {
  const { permission, roles } = NEEDS[kind]
  return (
    `kind ${kind} needs the Microsoft Graph application permission ${permission}, granted with admin consent on ` +
    `the app registration of \`client-id\` (a delegated caller would need the role ${roles}).`
  )
}
