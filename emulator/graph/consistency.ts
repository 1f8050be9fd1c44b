// Directory replication lag (graph-api.md §4.6: "a GET right after a POST/DELETE may briefly
// disagree"; magnitude UNCONFIRMED). With `unconfirmed.staleReads` = N, every write that succeeds
// opens a window in which the next N GETs are answered from the tenant as it was before the
// window opened; writes always go to the current state, as they do on the service's primary.
import { TenantState } from '../state.ts'
import type { Call, EmulatorCore, Reply } from '../types.ts'

export type GraphHandler = (call: Call) => Reply

/**
 * `handler(core)` routes a call against `core.state`; the wrapper picks the state a GET sees.
 * `forget()` closes an open window (the emulator's reset).
 */
export function eventuallyConsistent(
  core: EmulatorCore,
  handler: (core: EmulatorCore) => GraphHandler
): { readonly handle: GraphHandler; forget(): void } {
  const current = handler(core)
  let window: { view: TenantState; left: number } | undefined
  const handle: GraphHandler = (call) => {
    const lag = core.config.unconfirmed.staleReads
    if (lag <= 0) {
      window = undefined
      return current(call)
    }
    if (call.method === 'GET') {
      if (window === undefined || window.left <= 0) return current(call)
      window.left--
      call.record.stale = true
      return handler({ ...core, state: window.view })(call)
    }
    const before = window !== undefined && window.left > 0 ? window.view : snapshot(core.state)
    const reply = current(call)
    if (reply.status >= 200 && reply.status < 300) window = { view: before, left: lag }
    return reply
  }
  return {
    handle,
    forget: () => {
      window = undefined
    }
  }
}

/** A deep copy of what the tenant holds. */
export function snapshot(state: TenantState): TenantState {
  const copy = new TenantState()
  copy.organizationCba = structuredClone(state.organizationCba)
  copy.pkis.push(...structuredClone(state.pkis))
  copy.applicationConfigurations.push(...structuredClone(state.applicationConfigurations))
  copy.deletedApplicationConfigurations = state.deletedApplicationConfigurations
  return copy
}
