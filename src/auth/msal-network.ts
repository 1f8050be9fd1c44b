// MSAL's network module, routed through our HttpClient: the same dispatcher (proxy, timeouts),
// retries and client-request-id as every other request. MSAL reads error bodies (AADSTS) itself,
// so any status with a JSON body goes back to it; what is not JSON, or no response at all,
// becomes an AuthError, because MSAL replaces any other error with a bare "network_error".
import { AuthError, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node'
import type { HttpClient } from '../http/client.ts'
import { displayPath } from '../http/errors.ts'
import { isJsonObject } from '../http/tolerant.ts'
import type { HttpMethod } from '../http/types.ts'
import { redactTokens } from './jwt.ts'

const SERVICE = 'Microsoft Entra token endpoint'

export class MsalNetworkModule implements INetworkModule {
  readonly #http: HttpClient

  constructor(http: HttpClient) {
    this.#http = http
  }

  async sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.#send<T>('GET', url, options)
  }

  async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.#send<T>('POST', url, options)
  }

  async #send<T>(method: HttpMethod, url: string, options: NetworkRequestOptions | undefined): Promise<NetworkResponse<T>> {
    let response
    try {
      response = await this.#http.request({
        method,
        url,
        service: SERVICE,
        ...(options?.headers !== undefined ? { headers: options.headers } : {}),
        ...(options?.body !== undefined ? { rawBody: options.body } : {}),
        // A token request changes nothing on the server: safe to repeat, also after a 500.
        idempotent: true,
        extraRetryStatuses: [500, 502],
        acceptAnyStatus: true
      })
    } catch (error) {
      throw new AuthError('network_error', '', redactTokens(error instanceof Error ? error.message : String(error)))
    }
    if (!isJsonObject(response.body)) {
      const text = typeof response.body === 'string' ? ` ${redactTokens(response.body).slice(0, 200)}` : ''
      throw new AuthError(
        'network_error',
        '',
        `${SERVICE}: ${method} ${displayPath(url)} answered HTTP ${response.status} without a JSON body` +
          `${text} (request-id: ${response.headers['x-ms-request-id'] ?? response.headers['request-id'] ?? 'none'}, ` +
          `client-request-id: ${response.clientRequestId})`
      )
    }
    return { status: response.status, headers: { ...response.headers }, body: response.body as T }
  }
}
