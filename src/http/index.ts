// The network foundation: one dispatcher, one retrying HTTP client, and the Graph client on top.
export { runBatch } from './batch/run.ts'
export {
  DEFAULT_BATCHES_IN_FLIGHT,
  MAX_BATCH_ITEMS,
  type BatchItem,
  type BatchOptions,
  type BatchResult,
  type BatchTransport,
  type WireItem
} from './batch/types.ts'
export { HttpClient, type HttpClientOptions, type RetryPolicy } from './client.ts'
export {
  createDispatcher,
  proxySettings,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type DispatcherOptions,
  type ProxySettings
} from './dispatcher.ts'
export { AmbiguousWriteError, GraphError, displayPath, parseGraphErrorBody, type GraphErrorBody, type GraphErrorDetails } from './errors.ts'
export { GraphClient, type GraphCallOptions, type GraphClientOptions, type GraphRequest, type GraphResponse } from './graph-client.ts'
export {
  DEFAULT_BACKOFF,
  RETRY_STATUSES,
  backoffDelay,
  classifyTransportError,
  parseRetryAfter,
  retryDelay,
  type BackoffOptions,
  type TransportFailure,
  type TransportPhase
} from './retry.ts'
export { isJsonObject, normaliseGraphBody, prop, stringProp, trimKeys, unwrapValue } from './tolerant.ts'
export { NULL_LOGGER, type HttpMethod, type HttpRequest, type HttpResponse, type JsonObject, type Logger } from './types.ts'
