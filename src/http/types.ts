// Shapes shared by the HTTP client, the Graph client and the sign-in code.

/** Where messages go; in the action these are core.info / core.debug / core.warning. */
export interface Logger {
  info(message: string): void
  debug(message: string): void
  warning(message: string): void
}

/** A logger that drops everything (tests, or callers that do not care). */
export const NULL_LOGGER: Logger = { info: () => {}, debug: () => {}, warning: () => {} }

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** A JSON object as read from a response body. */
export interface JsonObject {
  [key: string]: unknown
}

export interface HttpRequest {
  readonly method: HttpMethod
  /** Absolute URL. */
  readonly url: string
  /** Sent as JSON with `content-type: application/json`. */
  readonly body?: unknown
  /** Sent as is (for example the form-encoded token request); `headers` must name its type. */
  readonly rawBody?: string
  readonly headers?: Readonly<Record<string, string>>
  /** Bearer token for the Authorization header; never logged. */
  readonly token?: string
  /** Who answers, for messages: "Microsoft Graph" unless told otherwise. */
  readonly service?: string
  /** Shown with a 401 or 403 failure: which permission or role the call needs. */
  readonly permissionHint?: string
  /**
   * Whether repeating the request is harmless even if an earlier attempt took effect. Defaults
   * to true for every method but POST. A token request is a POST that is safe to repeat.
   */
  readonly idempotent?: boolean
  /** Statuses retried besides 429, 503 and 504 (for example 500 from the OIDC endpoint). */
  readonly extraRetryStatuses?: readonly number[]
  /** Return any status instead of throwing on a non-2xx one (MSAL reads error bodies itself). */
  readonly acceptAnyStatus?: boolean
}

export interface HttpResponse {
  readonly status: number
  /** Lower-case names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>
  /** Parsed JSON; the text when it is not JSON; undefined when empty. */
  readonly body: unknown
  /** The client-request-id of the attempt that got this response. */
  readonly clientRequestId: string
  readonly attempts: number
}
