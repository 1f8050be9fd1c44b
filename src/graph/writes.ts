import { GraphError } from '../http/errors.ts'
import type { KindContext } from './kind.ts'

/** A DELETE whose target is already gone has done its job (a retried DELETE can see 404). */
export async function deleteTolerant(context: KindContext, path: string, permissionHint: string): Promise<void> {
  try {
    await context.graph.delete(path, { permissionHint })
  } catch (error) {
    if (error instanceof GraphError && error.status === 404) return
    throw error
  }
}
