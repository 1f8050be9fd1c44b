// kind pki, after a create was sent again: whether Graph keeps a second identical CA is
// UNCONFIRMED (graph-api.md §8). A create resent after a read that lagged behind the first one
// could then leave the CA twice. So the PKI is read until it shows every CA this run created,
// and a CA this run added that is held more than once keeps only its entry of lowest id: the
// same choice whichever run looks, so two runs never delete each other's last copy.
import { existingAuthorities } from '../existing.ts'
import type { KindContext } from '../kind.ts'
import { readUntil } from '../read-after-write.ts'
import { deleteTolerant } from '../writes.ts'
import { hint, listAuthorities } from './read.ts'
import { PKI_AUTHORITIES } from '../../plan/paths.ts'

export async function removeDuplicates(context: KindContext, pkiId: string): Promise<void> {
  const { record } = context
  const { value: cas, shown } = await readUntil(
    context.graph,
    async () => existingAuthorities(await listAuthorities(context, pkiId)),
    (held) => record.createdAuthorityIds.every((id) => held.some((ca) => ca.id === id))
  )
  if (!shown) {
    context.logger.warning(
      'Reading the PKI back does not show every CA this run added yet (directory replication lag), so it could not be ' +
        'checked for a CA held twice; a later run checks again.'
    )
  }
  for (const thumbprint of record.created) {
    const entries = cas
      .filter((ca) => ca.thumbprint === thumbprint && ca.id !== undefined)
      .map((ca) => ca.id!)
      .sort((a, b) => a.localeCompare(b))
    const [keep, ...extra] = entries
    if (keep === undefined || extra.length === 0) continue
    context.logger.warning(
      `${thumbprint} is held ${entries.length} times (a create sent again was kept as a second entry); deleting ${extra.join(', ')}.`
    )
    for (const id of extra) await deleteTolerant(context, `${PKI_AUTHORITIES(pkiId)}/${id}`, hint)
    const ids = record.createdAuthorityIds.filter((id) => !extra.includes(id))
    record.createdAuthorityIds.length = 0
    record.createdAuthorityIds.push(...ids, ...(ids.includes(keep) ? [] : [keep]))
  }
}
