/**
 * An error the user can fix (bad input, validation, permission). The top-level catch prints its
 * message alone, without a stack trace.
 */
export class UserError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'UserError'
  }
}
