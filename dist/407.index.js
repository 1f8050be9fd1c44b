export const id = 407;
export const ids = [407];
export const modules = {

/***/ 3407:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publish: () => (/* binding */ publish)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: ./node_modules/@azure/msal-node/dist/index.mjs + 115 modules
var dist = __webpack_require__(2669);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/auth/jwt.ts
// Reading JWT claims without verifying them (the issuer verifies; we only log and route), and
// keeping tokens out of text that may reach a log.
/** The payload of a compact JWT, or undefined when it is not one. The signature is not checked. */
function decodeJwtClaims(token) {
    const payload = token.split('.')[1];
    if (payload === undefined || payload === '')
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return claims !== null && typeof claims === 'object' && !Array.isArray(claims) ? claims : undefined;
    }
    catch {
        return undefined;
    }
}
/** A claim as text for messages: strings as they are, arrays joined, anything else as JSON. */
function claimText(claims, name) {
    const value = claims?.[name];
    if (value === undefined)
        return '(absent)';
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value))
        return value.map(String).join(', ');
    return JSON.stringify(value);
}
// A JWT (header starts with `{"`, hence `eyJ`), a bearer credential, or a client_assertion /
// access_token parameter.
const SECRET_PATTERNS = [
    /eyJ[\w-]*\.[\w-]*\.[\w-]*/g,
    /(bearer\s+)[^\s"',;]+/gi,
    /((?:client_assertion|access_token|refresh_token|id_token|client_secret)["']?\s*[=:]\s*["']?)[^\s"'&,;]+/gi
];
/** Text with anything that looks like a token replaced by `***`. */
function redactTokens(text) {
    let result = text;
    for (const pattern of SECRET_PATTERNS) {
        result = result.replace(pattern, (match, prefix) => (typeof prefix === 'string' ? `${prefix}***` : '***'));
    }
    return result;
}

;// CONCATENATED MODULE: ./src/auth/aadsts.ts
// Entra sign-in failures (AADSTS codes) turned into messages that name the fix. The service's own
// description follows the hint, with anything token-like removed.


const federatedCredentialHint = (c) => {
    const sub = claimText(c.assertionClaims, 'sub');
    const aud = claimText(c.assertionClaims, 'aud');
    const iss = claimText(c.assertionClaims, 'iss');
    return (`No federated credential on the app registration ${c.clientId} matches this workflow's token ` +
        `(subject "${sub}", audience "${aud}", issuer "${iss}"). Add a federated credential with exactly that ` +
        'subject and audience (App registrations > the app > Certificates & secrets > Federated credentials), ' +
        'or run the workflow from the branch, tag or environment an existing credential names.');
};
/** Known codes; the ones a misconfigured workflow meets first. */
const HINTS = {
    '70021': federatedCredentialHint,
    '700211': federatedCredentialHint,
    '700212': federatedCredentialHint,
    '700213': federatedCredentialHint,
    '700016': (c) => `The application ${c.clientId} was not found in tenant ${c.tenantId}: check \`client-id\` and ` +
        '`tenant-id` (and `cloud`), and that the app is registered in, or admin-consented to, that tenant.',
    '700024': () => "The GitHub OIDC token was rejected as expired or not yet valid: check the runner's clock. " +
        'The action fetches a fresh token for every sign-in, so a re-run gets a new one.',
    '90002': (c) => `Tenant ${c.tenantId} was not found at ${c.authorityUrl}: check \`tenant-id\` and \`cloud\` ` +
        '(or `authority-url`); a tenant exists in one cloud only.',
    '900023': (c) => `"${c.tenantId}" is not a valid tenant: give \`tenant-id\` as the directory (tenant) GUID ` +
        'or a verified domain of the tenant, and check `cloud`.',
    '7000215': () => 'Entra reports an invalid client secret. This action never sends one: it signs in with the ' +
        'GitHub OIDC token as a federated credential. Check `client-id` and that the app has a federated credential.',
    '7000222': () => 'Entra reports an expired client secret. This action never sends one: it signs in with the ' +
        'GitHub OIDC token as a federated credential. Check `client-id` and that the app has a federated credential.',
    '50053': () => 'Entra has locked sign-ins for this identity after too many failed attempts: wait, then re-run.',
    '500011': (c) => `The resource ${c.graphUrl} is not known in this tenant: check \`cloud\` and \`graph-url\` ` +
        '(tokens and Graph hosts are per cloud).',
    '7000112': (c) => `The application ${c.clientId} is disabled in this tenant: an administrator must enable its ` + 'service principal.',
    '700027': () => "Entra could not validate the GitHub OIDC token: check the federated credential's issuer " +
        "(https://token.actions.githubusercontent.com, or your enterprise's issuer)."
};
/** The AADSTS number in an MSAL error: `error_codes[0]`, else the first `AADSTSnnnn` in its text. */
function aadstsCode(error) {
    if (error === null || typeof error !== 'object')
        return undefined;
    const e = error;
    if ((typeof e.errorNo === 'string' || typeof e.errorNo === 'number') && /^\d+$/.test(String(e.errorNo))) {
        return String(e.errorNo);
    }
    for (const text of [e.errorMessage, e.message]) {
        const match = typeof text === 'string' ? /AADSTS(\d+)/.exec(text) : null;
        if (match?.[1] !== undefined)
            return match[1];
    }
    return undefined;
}
/** The service's description of an MSAL error, without tokens, on one line. */
function serviceDescription(error) {
    const e = (error !== null && typeof error === 'object' ? error : {});
    const text = typeof e.errorMessage === 'string' && e.errorMessage !== '' ? e.errorMessage : typeof e.message === 'string' ? e.message : String(error);
    return redactTokens(text).replace(/\s+/g, ' ').trim();
}
/** A user error for a failed sign-in: the AADSTS code, a hint when the code is known, the service's text. */
function signInError(error, context) {
    const code = aadstsCode(error);
    const e = (error !== null && typeof error === 'object' ? error : {});
    if (code === undefined && e.errorCode === 'network_error') {
        // No answer from Entra, or one that is not an OAuth response: our own message says which.
        return new errors/* UserError */.y(`Sign-in to Microsoft Entra failed: ${serviceDescription(error)}`, { cause: error });
    }
    const errorCode = typeof e.errorCode === 'string' && e.errorCode !== '' ? ` (${e.errorCode})` : '';
    const hint = code !== undefined ? HINTS[code]?.(context) : undefined;
    const head = code !== undefined
        ? `Sign-in to Microsoft Entra failed with AADSTS${code}${errorCode}.`
        : `Sign-in to Microsoft Entra failed${errorCode}.`;
    const lines = [head, ...(hint !== undefined ? [hint] : []), `Entra said: ${serviceDescription(error)}`];
    return new errors/* UserError */.y(lines.join('\n'), { cause: error });
}

;// CONCATENATED MODULE: ./src/http/errors.ts
// Failures of an HTTP exchange, with everything a user or Microsoft support needs to trace them
// (graph-api.md §4.2, §4.3): method, path, status, Graph error code and message, request-id,
// client-request-id and Date.

/**
 * A request that failed for good: an error status, or no response after every attempt. A user
 * error, since its message is complete: the top-level catch prints it without a stack.
 */
class GraphError extends errors/* UserError */.y {
    service;
    method;
    path;
    status;
    code;
    graphMessage;
    requestId;
    clientRequestId;
    date;
    attempts;
    mayHaveBeenApplied;
    constructor(details, options) {
        super(formatGraphError(details), options);
        this.name = 'GraphError';
        this.service = details.service;
        this.method = details.method;
        this.path = details.path;
        this.status = details.status;
        this.code = details.code;
        this.graphMessage = details.graphMessage;
        this.requestId = details.requestId;
        this.clientRequestId = details.clientRequestId;
        this.date = details.date;
        this.attempts = details.attempts;
        this.mayHaveBeenApplied = details.mayHaveBeenApplied;
    }
}
/**
 * A write (POST) that may or may not have taken effect: the request went out and then the
 * connection dropped, timed out, or a gateway answered 503 (no Retry-After) or 504. Repeating it
 * could create a duplicate, so the client does not; the caller re-reads the tenant and creates
 * only what is still missing. A user error too, so that if no caller handles it the step fails
 * with advice that works: a re-run re-reads the tenant first.
 */
class AmbiguousWriteError extends errors/* UserError */.y {
    method;
    path;
    clientRequestId;
    reason;
    constructor(details, options) {
        super(`${details.method} ${details.path} may or may not have taken effect (${details.reason}; ` +
            `client-request-id: ${details.clientRequestId}). It was not repeated, so as not to create a duplicate; ` +
            'a re-run reads the tenant first and creates only what is missing.', options);
        this.name = 'AmbiguousWriteError';
        this.method = details.method;
        this.path = details.path;
        this.clientRequestId = details.clientRequestId;
        this.reason = details.reason;
    }
}
function formatGraphError(d) {
    const what = d.status === undefined
        ? `got no response after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}: ${d.transportError ?? 'connection failed'}`
        : `failed with HTTP ${d.status}${d.code !== undefined ? ` ${d.code}` : ''}${d.graphMessage !== undefined ? `: ${d.graphMessage}` : ''}`;
    // Without a response there is no request-id nor Date; the client-request-id still traces it.
    const ids = d.status === undefined
        ? [`client-request-id: ${d.clientRequestId}`]
        : [`request-id: ${d.requestId ?? 'none'}`, `client-request-id: ${d.clientRequestId}`, `date: ${d.date ?? 'none'}`];
    const retried = d.status !== undefined && d.attempts > 1 ? ` after ${d.attempts} attempts` : '';
    const hint = d.hint !== undefined ? `\n${d.hint}` : '';
    const applied = d.mayHaveBeenApplied ? '\nAn earlier attempt of this request may have taken effect before its connection dropped.' : '';
    return `${d.service}: ${d.method} ${d.path} ${what}${retried} (${ids.join(', ')})${applied}${hint}`;
}
/** Reads `error.code`, `error.message` and the inner error's ids; property names in any case. */
function parseGraphErrorBody(body) {
    const error = objectProp(body, 'error');
    if (error === undefined)
        return {};
    const inner = objectProp(error, 'innerError');
    const result = {};
    const code = stringProp(error, 'code') ?? stringProp(inner, 'code');
    const message = stringProp(error, 'message') ?? stringProp(inner, 'message');
    const requestId = stringProp(inner, 'request-id');
    const clientRequestId = stringProp(inner, 'client-request-id');
    const date = stringProp(inner, 'date');
    if (code !== undefined)
        result.code = code;
    if (message !== undefined)
        result.message = message;
    if (requestId !== undefined)
        result.requestId = requestId;
    if (clientRequestId !== undefined)
        result.clientRequestId = clientRequestId;
    if (date !== undefined)
        result.date = date;
    return result;
}
function findKey(obj, name) {
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj))
        return undefined;
    const wanted = name.toLowerCase();
    const entry = Object.entries(obj).find(([key]) => key.trim().toLowerCase() === wanted);
    return entry?.[1];
}
function objectProp(obj, name) {
    const value = findKey(obj, name);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
function stringProp(obj, name) {
    const value = findKey(obj, name);
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/**
 * The path and query of a URL for messages: no host, and no query values except OData system
 * options (`$filter`, `$top`...), so that a signature or token in a query never reaches a log.
 */
function displayPath(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return '(invalid URL)';
    }
    const params = [...parsed.searchParams].map(([name, value]) => name.startsWith('$') && name.toLowerCase() !== '$skiptoken' ? `${name}=${value}` : `${name}=***`);
    return params.length === 0 ? parsed.pathname : `${parsed.pathname}?${params.join('&')}`;
}

;// CONCATENATED MODULE: ./src/http/tolerant.ts
function isJsonObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/**
 * Keys trimmed at every depth (§6.1: `"trustedCertificateAuthorities "`). Where a trimmed key
 * meets an exact one, the exact one wins.
 */
function trimKeys(value) {
    if (Array.isArray(value))
        return value.map(trimKeys);
    if (!isJsonObject(value))
        return value;
    const result = {};
    const entries = Object.entries(value);
    for (const [key, child] of entries) {
        const name = key.trim();
        if (name !== key && Object.hasOwn(value, name))
            continue;
        result[name] = trimKeys(child);
    }
    return result;
}
/**
 * A single object wrapped in `{"value": {...}}` (§6.2) unwrapped: the top level has a `value`
 * that is an object, and no `id`. A collection (`value` an array) stays as it is.
 */
function unwrapValue(body) {
    if (!isJsonObject(body) || prop(body, 'id') !== undefined)
        return body;
    const inner = prop(body, 'value');
    return isJsonObject(inner) ? inner : body;
}
/** The body of a Graph response as the kinds should read it. */
function normaliseGraphBody(body) {
    return unwrapValue(trimKeys(body));
}
/**
 * A property by name, the exact spelling first, else ignoring case and stray spaces (§6.6:
 * `deltacertificateRevocationListUrl`, `issuerSubjectkeyIdentifier`).
 */
function prop(obj, name) {
    if (!isJsonObject(obj))
        return undefined;
    if (Object.hasOwn(obj, name))
        return obj[name];
    const wanted = name.toLowerCase();
    for (const [key, value] of Object.entries(obj)) {
        if (key.trim().toLowerCase() === wanted)
            return value;
    }
    return undefined;
}
/** `prop` narrowed to a string; undefined for anything else, null included. */
function tolerant_stringProp(obj, name) {
    const value = prop(obj, name);
    return typeof value === 'string' ? value : undefined;
}

;// CONCATENATED MODULE: ./src/auth/msal-network.ts
// MSAL's network module, routed through our HttpClient: the same dispatcher (proxy, timeouts),
// retries and client-request-id as every other request. MSAL reads error bodies (AADSTS) itself,
// so any status with a JSON body goes back to it; what is not JSON, or no response at all,
// becomes an AuthError, because MSAL replaces any other error with a bare "network_error".




const SERVICE = 'Microsoft Entra token endpoint';
class MsalNetworkModule {
    #http;
    constructor(http) {
        this.#http = http;
    }
    async sendGetRequestAsync(url, options) {
        return this.#send('GET', url, options);
    }
    async sendPostRequestAsync(url, options) {
        return this.#send('POST', url, options);
    }
    async #send(method, url, options) {
        let response;
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
            });
        }
        catch (error) {
            throw new dist/* AuthError */.lR('network_error', '', redactTokens(error instanceof Error ? error.message : String(error)));
        }
        if (!isJsonObject(response.body)) {
            const text = typeof response.body === 'string' ? ` ${redactTokens(response.body).slice(0, 200)}` : '';
            throw new dist/* AuthError */.lR('network_error', '', `${SERVICE}: ${method} ${displayPath(url)} answered HTTP ${response.status} without a JSON body` +
                `${text} (request-id: ${response.headers['x-ms-request-id'] ?? response.headers['request-id'] ?? 'none'}, ` +
                `client-request-id: ${response.clientRequestId})`);
        }
        return { status: response.status, headers: { ...response.headers }, body: response.body };
    }
}

;// CONCATENATED MODULE: ./src/auth/oidc.ts
// The workflow's GitHub OIDC token: the credential the action signs in to Entra with. Fetched by
// our own client rather than @actions/core's getIDToken, so that it goes through the same
// dispatcher (proxy rules, timeouts) and retries as every other request.



const oidc_SERVICE = 'GitHub OIDC token endpoint';
/** The runner's OIDC request URL and token; a user error naming the fix when either is missing. */
function checkOidcAvailable(env) {
    const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '';
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '';
    if (requestUrl === '' || requestToken === '') {
        throw new errors/* UserError */.y('No GitHub OIDC token is available to this job (ACTIONS_ID_TOKEN_REQUEST_URL / ' +
            'ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set). Grant it to the job with `permissions: id-token: write` ' +
            '(in the workflow or the job). Pull requests from forks and Dependabot runs get no token at all; ' +
            'for them, run with `dry-run: true` and without `tenant-id` / `client-id`, which needs no credentials.');
    }
    return { requestUrl, requestToken };
}
/** The URL with `audience` added: the runner's URL already has a query (`?api-version=...`). */
function idTokenUrl(requestUrl, audience) {
    const separator = requestUrl.includes('?') ? '&' : '?';
    return `${requestUrl}${separator}audience=${encodeURIComponent(audience)}`;
}
/**
 * A fresh GitHub ID token for `audience`, masked before anything else happens to it. Logs its
 * issuer, subject and audience (what a federated credential must match), never the token.
 */
async function fetchGitHubIdToken(http, env, audience, deps) {
    const { requestUrl, requestToken } = checkOidcAvailable(env);
    deps.setSecret(requestToken);
    const response = await http.request({
        method: 'GET',
        url: idTokenUrl(requestUrl, audience),
        token: requestToken,
        service: oidc_SERVICE,
        // The endpoint is known to fail now and then; a GET is safe to repeat.
        extraRetryStatuses: [500, 502],
        permissionHint: 'The runner refused the OIDC request: the job needs `permissions: id-token: write`.'
    });
    const token = tolerant_stringProp(response.body, 'value');
    if (token === undefined || token === '') {
        throw new errors/* UserError */.y(`${oidc_SERVICE}: the response (HTTP ${response.status}) holds no token in \`value\` ` +
            `(client-request-id: ${response.clientRequestId}).`);
    }
    deps.setSecret(token);
    const claims = decodeJwtClaims(token);
    deps.logger.info(`GitHub OIDC token: iss=${claimText(claims, 'iss')}, sub=${claimText(claims, 'sub')}, aud=${claimText(claims, 'aud')}`);
    return token;
}

;// CONCATENATED MODULE: ./src/auth/graph-token.ts
// Sign-in: the GitHub OIDC token as a federated client assertion, exchanged by MSAL for a Graph
// access token (client credentials flow).






const MSAL_LOG_PREFIX = /^\[[^\]]*\] : \[[^\]]*\] : @azure\/msal-[\w-]+@[\w.-]+ : /;
/**
 * MSAL's view of an authority it must not discover: its endpoints, given so that it never calls
 * login.microsoftonline.com (instance discovery) nor the authority's OpenID configuration.
 * (msal-common OpenIdConfigResponse: authorization_endpoint, token_endpoint, issuer, jwks_uri.)
 */
function authorityMetadata(authority) {
    return JSON.stringify({
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
        jwks_uri: `${authority}/discovery/v2.0/keys`,
        issuer: `${authority}/v2.0`
    });
}
async function acquireGraphToken(options) {
    const { settings, http, env, setSecret, logger } = options;
    const credentials = settings.credentials;
    if (credentials === undefined) {
        throw new errors/* UserError */.y('Signing in needs `tenant-id` and `client-id` (only a dry run works without them).');
    }
    // Fail before MSAL starts, with the message that names the missing permission.
    checkOidcAvailable(env);
    const authorityUrl = settings.authorityUrl.replace(/\/+$/, '');
    const graphUrl = settings.graphUrl.replace(/\/+$/, '');
    const authority = `${authorityUrl}/${encodeURIComponent(credentials.tenantId)}`;
    let assertionClaims;
    const configuration = {
        auth: {
            clientId: credentials.clientId,
            authority,
            knownAuthorities: [new URL(authorityUrl).host],
            authorityMetadata: authorityMetadata(authority),
            // GitHub ID tokens live minutes: MSAL asks for one per token request, and gets a fresh one.
            clientAssertion: async () => {
                const token = await fetchGitHubIdToken(http, env, settings.audience, { setSecret, logger });
                assertionClaims = decodeJwtClaims(token);
                return token;
            }
        },
        system: {
            networkClient: new MsalNetworkModule(http),
            loggerOptions: {
                piiLoggingEnabled: false,
                logLevel: dist/* LogLevel */.$b.Info,
                loggerCallback: (_level, message, containsPii) => {
                    // MSAL prefixes "[date] : [correlation id] : @azure/msal-node@x.y.z : "; the level stays.
                    if (!containsPii)
                        logger.debug(`MSAL: ${redactTokens(message.replace(MSAL_LOG_PREFIX, ''))}`);
                }
            }
        }
    };
    logger.info(`Signing in to ${authority} as ${credentials.clientId} for ${graphUrl}`);
    let result;
    try {
        const app = new dist/* ConfidentialClientApplication */.WR(configuration);
        result = await app.acquireTokenByClientCredential({
            scopes: [`${graphUrl}/.default`],
            // MSAL_FORCE_REGION in the environment would send MSAL to a regional host and IMDS.
            azureRegion: 'DisableMsalForceRegion',
            skipCache: true
        });
    }
    catch (error) {
        if (!(error instanceof dist/* AuthError */.lR))
            throw error;
        throw signInError(error, {
            clientId: credentials.clientId,
            tenantId: credentials.tenantId,
            authorityUrl,
            graphUrl,
            audience: settings.audience,
            assertionClaims
        });
    }
    if (result === null || result.accessToken === '') {
        throw new errors/* UserError */.y(`Sign-in to ${authority} returned no access token.`);
    }
    setSecret(result.accessToken);
    const tid = decodeJwtClaims(result.accessToken)?.tid;
    const tenantId = typeof tid === 'string' && tid !== '' ? tid : credentials.tenantId;
    logger.info(`Signed in to tenant ${tenantId}; the Graph token expires ${result.expiresOn?.toISOString() ?? 'at an unknown time'}`);
    return { accessToken: result.accessToken, tenantId, expiresOn: result.expiresOn };
}

// EXTERNAL MODULE: ./src/certificates/chain.ts
var chain = __webpack_require__(4997);
// EXTERNAL MODULE: ./src/plan/application.ts
var application = __webpack_require__(8081);
// EXTERNAL MODULE: ./src/plan/bodies.ts
var bodies = __webpack_require__(8567);
// EXTERNAL MODULE: ./src/plan/paths.ts
var paths = __webpack_require__(3935);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/certificates/parse.ts + 3 modules
var parse = __webpack_require__(4256);
;// CONCATENATED MODULE: ./src/graph/existing.ts
// CAs as Graph returns them -> ExistingAuthority. The thumbprint is the SHA-1 of the certificate
// bytes read back, not a stored string: matching is on the bytes (graph-api.md §2.2).



/** Edm.Binary: standard base64 as Graph sends it, URL-safe accepted too (graph-api.md §4.6). */
function decodeBinary(value) {
    return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}
function existingAuthority(raw) {
    const encoded = tolerant_stringProp(raw, 'certificate');
    const der = encoded !== undefined ? decodeBinary(encoded) : undefined;
    const thumbprint = der !== undefined && der.length > 0
        ? (0,external_node_crypto_.createHash)('sha1').update(der).digest('hex').toUpperCase()
        : tolerant_stringProp(raw, 'thumbprint')?.replace(/[\s:]/g, '').toUpperCase();
    if (thumbprint === undefined)
        return undefined;
    let parsed;
    try {
        if (der !== undefined)
            parsed = (0,parse/* parseCertificate */.hB)(der, { file: 'tenant', index: 1, count: 1 });
    }
    catch {
        parsed = undefined; // A certificate we cannot parse is still matched and kept by its bytes.
    }
    const rootFlag = prop(raw, 'isRootAuthority');
    const type = tolerant_stringProp(raw, 'certificateAuthorityType');
    const expiration = tolerant_stringProp(raw, 'expirationDateTime');
    const notAfter = parsed?.notAfter ?? (expiration !== undefined ? new Date(expiration) : undefined);
    const id = tolerant_stringProp(raw, 'id');
    const subject = parsed?.subject ?? tolerant_stringProp(raw, 'issuer');
    const crlUrl = tolerant_stringProp(raw, 'certificateRevocationListUrl');
    const deltaCrlUrl = tolerant_stringProp(raw, 'deltaCertificateRevocationListUrl');
    const hint = prop(raw, 'isIssuerHintEnabled');
    return {
        thumbprint,
        der: der ?? Buffer.alloc(0),
        isRootAuthority: typeof rootFlag === 'boolean' ? rootFlag : type !== undefined ? type === 'root' : (parsed?.selfSigned ?? false),
        ...(id !== undefined ? { id } : {}),
        ...(subject !== undefined ? { subject } : {}),
        ...(notAfter !== undefined && !Number.isNaN(notAfter.getTime()) ? { notAfter } : {}),
        ...(crlUrl !== undefined && crlUrl !== '' ? { crlUrl } : {}),
        ...(deltaCrlUrl !== undefined && deltaCrlUrl !== '' ? { deltaCrlUrl } : {}),
        ...(typeof hint === 'boolean' ? { isIssuerHintEnabled: hint } : {})
    };
}
function existingAuthorities(items) {
    return items.map(existingAuthority).filter((ca) => ca !== undefined);
}

;// CONCATENATED MODULE: ./src/graph/named.ts


/** Every configuration of that exact name, lowest id first. */
async function findAllByDisplayName(graph, container, displayName, permissionHint) {
    return exactMatches(await graph.getAll(byDisplayNamePath(container, displayName), { permissionHint }), displayName);
}
/** The collection filtered on the display name (the service's filter; see exactMatches). */
function byDisplayNamePath(container, displayName) {
    return `${container}?$filter=${encodeURIComponent(`displayName eq ${(0,paths/* odataString */.ki)(displayName)}`)}`;
}
/** The filter is the service's: keep only exact matches in case it is looser (case, trimming); lowest id first. */
function exactMatches(items, displayName) {
    return items
        .filter((item) => tolerant_stringProp(item, 'displayName') === displayName && tolerant_stringProp(item, 'id') !== undefined)
        .sort((a, b) => (tolerant_stringProp(a, 'id') ?? '').localeCompare(tolerant_stringProp(b, 'id') ?? ''));
}
async function findByDisplayName(graph, container, displayName, logger, permissionHint) {
    const matches = await findAllByDisplayName(graph, container, displayName, permissionHint);
    if (matches.length > 1) {
        logger.warning(`${matches.length} configurations are named "${displayName}" (ids ${matches.map((m) => tolerant_stringProp(m, 'id')).join(', ')}); ` +
            'using the one with the lowest id. Delete the others, or give each a distinct `display-name`.');
    }
    return matches[0];
}

;// CONCATENATED MODULE: ./src/graph/permissions.ts
const NEEDS = {
    organization: { permission: 'Organization.ReadWrite.All', roles: 'Global Administrator' },
    pki: {
        permission: 'PublicKeyInfrastructure.ReadWrite.All',
        roles: 'Privileged Authentication Administrator or Authentication Administrator'
    },
    application: {
        permission: 'AppCertTrustConfiguration.ReadWrite.All',
        roles: 'Application Administrator or Cloud Application Administrator'
    }
};
function permissionHint(kind) {
    const { permission, roles } = NEEDS[kind];
    return (`kind ${kind} needs the Microsoft Graph application permission ${permission}, granted with admin consent on ` +
        `the app registration of \`client-id\` (a delegated caller would need the role ${roles}).`);
}

;// CONCATENATED MODULE: ./src/graph/writes.ts

/** A DELETE whose target is already gone has done its job (a retried DELETE can see 404). */
async function deleteTolerant(context, path, permissionHint) {
    try {
        await context.graph.delete(path, { permissionHint });
    }
    catch (error) {
        if (error instanceof GraphError && error.status === 404)
            return;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/graph/application.ts










const hint = permissionHint('application');
const opts = { permissionHint: hint };
const displayNameOf = (context) => context.settings.displayName ?? '';
const listAuthorities = (context, id) => context.graph.getAll((0,paths/* APPLICATION_AUTHORITIES */.X2)(id), opts);
async function read(context) {
    const found = await findByDisplayName(context.graph, paths/* APPLICATION_CONTAINER */.dE, displayNameOf(context), context.logger, hint);
    const id = tolerant_stringProp(found, 'id');
    if (found === undefined || id === undefined)
        return { kind: 'application', configuration: null, authorities: [] };
    const description = tolerant_stringProp(found, 'description');
    return {
        kind: 'application',
        configuration: { id, displayName: tolerant_stringProp(found, 'displayName') ?? '', ...(description !== undefined ? { description } : {}) },
        authorities: existingAuthorities(await listAuthorities(context, id))
    };
}
async function apply(context, plan, state, desired) {
    const { graph, record } = context;
    let created;
    for (const op of plan.operations) {
        context.onWrite();
        switch (op.action) {
            case 'createConfiguration':
                created = await createConfiguration(context, op);
                break;
            case 'updateConfiguration':
                await graph.patch(op.path, op.body, opts);
                break;
            case 'createAuthority':
                await createAuthority(context, op, state.configuration?.id ?? '');
                break;
            case 'updateAuthority':
                await graph.patch(op.path, op.body, opts);
                if (op.thumbprint !== undefined)
                    record.updated.push(op.thumbprint);
                break;
            case 'deleteAuthority':
                await deleteTolerant(context, op.path, hint);
                if (op.thumbprint !== undefined)
                    record.removed.push(op.thumbprint);
                break;
            case 'deleteConfiguration':
                throw new Error('internal: the application plan never deletes a configuration');
        }
    }
    if (state.configuration !== null)
        record.configurationId = state.configuration.id;
    // Graph does not enforce unique names: if a concurrent run created one of the same name with a
    // lower id, that one wins and ours moves there.
    if (created !== undefined) {
        const winner = tolerant_stringProp((await findAllByDisplayName(graph, paths/* APPLICATION_CONTAINER */.dE, displayNameOf(context), hint))[0], 'id');
        if (winner !== undefined && winner !== created)
            await moveTo(context, winner, created, desired);
    }
}
async function createConfiguration(context, op) {
    let created;
    try {
        created = await context.graph.post(op.path, op.body, opts);
    }
    catch (error) {
        if (!(error instanceof AmbiguousWriteError))
            throw error;
        context.logger.warning('The response to creating the application configuration was lost; looking it up by name before creating it again.');
        created =
            (await findByDisplayName(context.graph, paths/* APPLICATION_CONTAINER */.dE, displayNameOf(context), context.logger, hint)) ??
                (await context.graph.post(op.path, op.body, opts));
    }
    const id = tolerant_stringProp(created, 'id');
    if (id === undefined)
        throw new Error(`POST ${op.path} returned no id for the new configuration`);
    context.record.configurationId = id;
    // The create response may or may not inline the CAs (graph-api.md §6.10); their ids come from the list.
    const inline = prop(created, 'trustedCertificateAuthorities');
    const items = Array.isArray(inline) && inline.every((i) => isJsonObject(i) && tolerant_stringProp(i, 'id') !== undefined)
        ? inline
        : await listAuthorities(context, id);
    for (const ca of existingAuthorities(items)) {
        context.record.created.push(ca.thumbprint);
        if (ca.id !== undefined)
            context.record.createdAuthorityIds.push(ca.id);
    }
    return id;
}
async function createAuthority(context, op, configurationId) {
    let id;
    try {
        id = tolerant_stringProp(await context.graph.post(op.path, op.body, opts), 'id');
    }
    catch (error) {
        if (!(error instanceof AmbiguousWriteError))
            throw error;
        context.logger.warning(`The response to adding ${op.thumbprint} was lost; the configuration is read again before anything is repeated.`);
        const held = existingAuthorities(await listAuthorities(context, configurationId)).find((ca) => ca.thumbprint === op.thumbprint);
        id = held !== undefined ? held.id : tolerant_stringProp(await context.graph.post(op.path, op.body, opts), 'id');
    }
    if (op.thumbprint !== undefined)
        context.record.created.push(op.thumbprint);
    if (id !== undefined)
        context.record.createdAuthorityIds.push(id);
}
/** Adds the given CAs the winner lacks (roots first), then deletes the configuration this run created. */
async function moveTo(context, winner, ours, desired) {
    context.logger.warning(`Another run created an application configuration named "${displayNameOf(context)}" at the same ` +
        `time; the one with the lowest id (${winner}) wins, so this run's CAs move there and the one it created (${ours}) is deleted.`);
    const { record } = context;
    record.created.length = 0;
    record.createdAuthorityIds.length = 0;
    const held = new Set(existingAuthorities(await listAuthorities(context, winner)).map((ca) => ca.thumbprint));
    const missing = desired.filter((ca) => !held.has(ca.thumbprint)).sort((a, b) => Number(b.isRootAuthority) - Number(a.isRootAuthority));
    if (held.size + missing.length > application/* APPLICATION_MAX_AUTHORITIES */.e) {
        throw new errors/* UserError */.y(`Two runs created an application configuration named "${displayNameOf(context)}" at the same time, ` +
            `and together they hold ${held.size + missing.length} CAs, over Entra's ${application/* APPLICATION_MAX_AUTHORITIES */.e}. Both are kept ` +
            `(${winner}, ${ours}); give each run its own \`display-name\` and delete one.`);
    }
    for (const ca of missing) {
        const op = {
            action: 'createAuthority',
            method: 'POST',
            path: (0,paths/* APPLICATION_AUTHORITIES */.X2)(winner),
            reason: 'move',
            thumbprint: ca.thumbprint,
            body: (0,bodies/* applicationAuthorityBody */.OX)(ca)
        };
        await createAuthority(context, op, winner);
    }
    await deleteTolerant(context, `${paths/* APPLICATION_CONTAINER */.dE}/${ours}`, hint);
    record.configurationId = winner;
}
const applicationPublisher = {
    read,
    storeCertificates: (state) => state.authorities.map((ca) => ca.der),
    apply
};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
;// CONCATENATED MODULE: ./src/graph/organization.ts
// kind organization: the tenant trust store, one singleton with the whole list and no PATCH
// (graph-api.md §1). A change is backup -> DELETE -> POST -> verify, and the backup goes back if
// the POST fails for good: a run must never leave the tenant without the CAs it trusted before.












const organization_hint = permissionHint('organization');
const organization_opts = { permissionHint: organization_hint };
async function organization_read(context) {
    // The path's organization id is the tenant GUID: from the token, so a domain-name tenant-id works.
    const orgId = context.tenantId;
    const items = await context.graph.getAll((0,paths/* ORGANIZATION_CONFIGURATION */.TW)(orgId), organization_opts);
    const current = items[0];
    if (current === undefined)
        return { kind: 'organization', orgId, configuration: null };
    const list = prop(current, 'certificateAuthorities');
    return {
        kind: 'organization',
        orgId,
        configuration: {
            id: tolerant_stringProp(current, 'id') ?? constants/* ORGANIZATION_CONFIGURATION_ID */.NW,
            authorities: existingAuthorities(Array.isArray(list) ? list.filter(isJsonObject) : [])
        }
    };
}
/** Thumbprints the store holds now, or undefined when there is no configuration. */
async function heldThumbprints(context, orgId) {
    const state = await organization_read({ ...context, tenantId: orgId });
    return state.configuration === null ? undefined : new Set(state.configuration.authorities.map((ca) => ca.thumbprint));
}
/** POST the configuration; if the response is lost, read before trying again. */
async function createOnce(context, path, body, orgId) {
    try {
        await context.graph.post(path, body, organization_opts);
    }
    catch (error) {
        if (!(error instanceof AmbiguousWriteError))
            throw error;
        context.logger.warning('The response to creating the tenant trust store was lost; reading it before anything is repeated.');
        if ((await heldThumbprints(context, orgId)) !== undefined)
            return;
        await context.graph.post(path, body, organization_opts);
    }
}
async function organization_apply(context, plan, state) {
    const { record } = context;
    const create = plan.operations.find((op) => op.action === 'createConfiguration');
    if (create === undefined)
        return;
    const path = (0,paths/* ORGANIZATION_CONFIGURATION */.TW)(state.orgId);
    const toCreate = plan.authorities.filter((a) => a.status === 'create').map((a) => a.thumbprint);
    const toRemove = plan.authorities.filter((a) => a.status === 'remove').map((a) => a.thumbprint);
    if (state.configuration === null) {
        context.onWrite();
        try {
            await createOnce(context, path, create.body, state.orgId);
        }
        catch (error) {
            // The store is a singleton: a concurrent run may have created it between our read and our POST.
            const held = await heldThumbprints(context, state.orgId).catch(() => undefined);
            if (held === undefined)
                throw error;
            const missing = toCreate.filter((t) => !held.has(t));
            if (missing.length > 0) {
                throw new errors/* UserError */.y('Another run created the tenant trust store while this one was planning, without ' +
                    `${missing.length} of the given CAs. Run again: the run then plans against the store as it is now ` +
                    '(adding to an existing store needs `allow-recreate: true`).', { cause: error });
            }
            context.logger.info('Another run created the tenant trust store at the same time, with every given CA.');
            record.configurationId = constants/* ORGANIZATION_CONFIGURATION_ID */.NW;
            return;
        }
        record.configurationId = constants/* ORGANIZATION_CONFIGURATION_ID */.NW;
        record.created.push(...toCreate);
        return;
    }
    const backup = (0,bodies/* organizationConfigurationBody */.I3)(state.configuration.authorities);
    const backupPath = (0,external_node_path_.join)(context.workDir, `entra-trust-store-backup-${state.orgId}-${Date.now()}.json`);
    (0,external_node_fs_.writeFileSync)(backupPath, `${JSON.stringify(backup, null, 2)}\n`);
    record.backupPath = backupPath;
    context.logger.info(`Backed up the tenant trust store (${state.configuration.authorities.length} CAs) to ${backupPath}.`);
    const del = plan.operations.find((op) => op.action === 'deleteConfiguration');
    context.onWrite();
    if (del !== undefined)
        await deleteTolerant(context, del.path, organization_hint);
    record.removed.push(...toRemove);
    try {
        await createOnce(context, path, create.body, state.orgId);
    }
    catch (error) {
        record.removed.length = 0;
        await restore(context, path, backup, backupPath, state.orgId, error);
        throw new errors/* UserError */.y(`Creating the new tenant trust store failed, so the backup was restored: the tenant trusts ` +
            `the same CAs as before this run. The failure: ${messageOf(error)}`);
    }
    record.configurationId = constants/* ORGANIZATION_CONFIGURATION_ID */.NW;
    record.created.push(...toCreate);
    record.updated.push(...plan.authorities.filter((a) => a.status === 'update').map((a) => a.thumbprint));
    const held = await heldThumbprints(context, state.orgId);
    const wanted = plan.authorities.filter((a) => a.status !== 'remove').map((a) => a.thumbprint);
    const missing = wanted.filter((t) => !held?.has(t));
    if (missing.length > 0) {
        throw new errors/* UserError */.y(`The tenant trust store was created again, but reading it back misses ${missing.join(', ')}. ` +
            `The backup of the previous store is at ${backupPath}; check the store in the Entra admin center.`);
    }
    context.logger.info(`Verified: the tenant trust store holds the ${wanted.length} CAs planned.`);
}
async function restore(context, path, backup, backupPath, orgId, cause) {
    context.logger.warning(`Creating the new tenant trust store failed (${messageOf(cause)}); restoring the backup.`);
    try {
        if ((await heldThumbprints(context, orgId)) === undefined)
            await createOnce(context, path, backup, orgId);
    }
    catch (restoreError) {
        const url = `${context.settings.graphUrl}/${context.settings.apiVersion}${path}`;
        throw new errors/* UserError */.y('The tenant trust store was deleted, and neither the new one nor the backup could be created: ' +
            'Entra now trusts NO certificate authority for certificate-based sign-in. Restore it now from the backup ' +
            `${backupPath}, for example: az rest --method POST --url ${url} --headers Content-Type=application/json --body @${backupPath}\n` +
            `Create failed: ${messageOf(cause)}\nRestore failed: ${messageOf(restoreError)}`, { cause: restoreError });
    }
}
const messageOf = (error) => (error instanceof Error ? error.message : String(error));
const organizationPublisher = {
    read: organization_read,
    storeCertificates: (state) => state.configuration?.authorities.map((ca) => ca.der) ?? [],
    apply: (context, plan, state, _desired) => organization_apply(context, plan, state)
};

;// CONCATENATED MODULE: ./src/http/batch/types.ts
/** Requests per batch: Graph's limit. */
const MAX_BATCH_ITEMS = 20;
/** Batches in flight at once by default: 100 items. */
const DEFAULT_BATCHES_IN_FLIGHT = 5;
function internal(message) {
    throw new Error(`internal: ${message}`);
}

;// CONCATENATED MODULE: ./src/graph/pki/read.ts
// kind pki, reading: the PKI of the display name (the winner when several share it) and its CAs.






const read_hint = permissionHint('pki');
const read_opts = { permissionHint: read_hint };
const read_listAuthorities = (context, pkiId) => context.graph.getAll(`${(0,paths/* PKI_AUTHORITIES */.rp)(pkiId)}?$top=999`, read_opts);
async function read_read(context) {
    const id = await winnerId(context);
    if (id === undefined)
        return { kind: 'pki', pki: null, authorities: [] };
    return {
        kind: 'pki',
        pki: { id, displayName: read_displayNameOf(context) },
        authorities: existingAuthorities(await read_listAuthorities(context, id))
    };
}
const read_displayNameOf = (context) => context.settings.displayName ?? '';
/**
 * Which of the PKIs of that name every run settles on: one holding CAs beats an empty one (a run
 * that already published is not undone by a racer that only just created its PKI), then the
 * lowest id. Each run that creates one checks right after creating, and again once its first CA
 * is in (settledWinner).
 */
async function winnerId(context) {
    return choose(context, await namesakes(context));
}
/** The PKIs of the name, lowest id first. */
async function namesakes(context) {
    const ids = (await findAllByDisplayName(context.graph, paths/* PKI_CONTAINER */.RF, read_displayNameOf(context), read_hint)).map((pki) => tolerant_stringProp(pki, 'id') ?? '');
    if (ids.length <= 1)
        return ids.map((id) => ({ id, held: true }));
    // One page of at most one item says whether a PKI holds any CA; a 404 says that a racer deleted
    // its PKI since the list (it chose another).
    const found = await Promise.all(ids.map(async (id) => {
        try {
            const page = prop(await context.graph.get(`${(0,paths/* PKI_AUTHORITIES */.rp)(id)}?$top=1`, read_opts), 'value');
            return { id, held: Array.isArray(page) && page.length > 0 };
        }
        catch (error) {
            if (error instanceof GraphError && error.status === 404)
                return undefined;
            throw error;
        }
    }));
    return found.filter((pki) => pki !== undefined);
}
function choose(context, pkis) {
    if (pkis.length <= 1)
        return pkis[0]?.id;
    const winner = (pkis.find((pki) => pki.held) ?? pkis[0]).id;
    context.logger.info(`${pkis.length} PKIs are named "${read_displayNameOf(context)}" (${pkis.map((pki) => pki.id).join(', ')}); using ${winner}, ` +
        'the first of those holding CAs by id.');
    return winner;
}

;// CONCATENATED MODULE: ./src/graph/pki/create-authorities.ts
// kind pki, adding CAs: POSTs in batches; a create whose outcome is unknown is settled by reading the PKI.






/** "Duplicate Certificate exists" (graph-api.md §2.3, with a stray quote in the docs): another run added it first. */
const isDuplicate = (error) => error instanceof GraphError && error.status === 400 && /duplicate certificate exists/i.test(error.graphMessage ?? error.message);
/**
 * Adds the CAs in JSON batches (http/batch/): one round trip for up to 100 of them. Each item is
 * a write against Graph's budget of 3,000 writes per 150 s per app and tenant (graph-api.md §4.4);
 * a PKI holds at most 250 CAs, far below. A create whose response was lost is not repeated
 * blindly: the PKI is read, and only what is still missing is created again.
 *
 * With `check`, the PKIs of the name are listed right after the first CA is added, in a batch of
 * those two beside the others: whether that CA went in, and the list.
 */
async function createAuthorities(context, pkiId, ops, path, check = false) {
    const { lost, failure, check: result } = await postAll(context, ops, path, check);
    if (lost.length > 0) {
        context.logger.warning(`The response to adding ${lost.length} CA(s) was lost (${lost.map(({ op }) => op.thumbprint).join(', ')}); ` +
            'the PKI is read again before anything is repeated.');
        // After a failure the run stops, but the read still tells which of the lost ones took effect.
        await settleUncertain(context, pkiId, lost.map(({ op }) => op), path, failure === undefined);
    }
    if (failure !== undefined)
        throw failure;
    return result;
}
/**
 * POSTs every op in batches and records what was created; a CA added meanwhile by a concurrent run
 * ("Duplicate Certificate exists") counts as present. Returns the ops whose outcome is unknown and
 * the first failure.
 */
async function postAll(context, ops, path, check = false) {
    if (ops.length === 0)
        return { lost: [] };
    context.onWrite();
    const items = ops.map((op) => ({ method: 'POST', path: path(op), body: op.body }));
    if (check)
        items.push({ method: 'GET', path: byDisplayNamePath(paths/* PKI_CONTAINER */.RF, read_displayNameOf(context)), dependsOn: [0] });
    const results = await context.graph.batch(items, read_opts);
    const lost = [];
    let failure;
    results.slice(0, ops.length).forEach((result, i) => {
        const op = ops[i];
        if (result.outcome === 'done')
            noteCreated(context, op.thumbprint, tolerant_stringProp(result.body, 'id'));
        else if (result.outcome === 'ambiguous')
            lost.push({ op, error: result.error });
        else if (isDuplicate(result.error))
            context.logger.info(`${op.thumbprint} is in the PKI already (added by a concurrent run).`);
        else
            failure ??= result.error;
    });
    return {
        lost,
        ...(failure !== undefined ? { failure } : {}),
        ...(check ? { check: { added: results[0]?.outcome === 'done', list: results[ops.length] } } : {})
    };
}
/** Reads the PKI: records the lost creates that took effect, and (`createMissing`) creates the others again. */
async function settleUncertain(context, pkiId, uncertain, path, createMissing) {
    const held = new Map(existingAuthorities(await read_listAuthorities(context, pkiId)).map((ca) => [ca.thumbprint, ca.id]));
    const missing = [];
    for (const op of uncertain) {
        const id = held.get(op.thumbprint ?? '');
        if (id === undefined) {
            missing.push(op);
            continue;
        }
        context.logger.info(`${op.thumbprint} was added after all (the lost response came from a write that took effect).`);
        noteCreated(context, op.thumbprint, id);
    }
    if (!createMissing)
        return;
    const again = await postAll(context, missing, path);
    if (again.failure !== undefined)
        throw again.failure;
    // A second lost response ends the run: a re-run reads first.
    if (again.lost[0] !== undefined)
        throw again.lost[0].error;
}
function noteCreated(context, thumbprint, id) {
    if (thumbprint !== undefined)
        context.record.created.push(thumbprint);
    if (id !== undefined)
        context.record.createdAuthorityIds.push(id);
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/graph/pki/settle.ts
// kind pki, settling concurrent runs: when two runs create a PKI of the same name, every run ends on one.









/** A list of the PKIs of the name, complete in one page, that shows ours and no other. */
function onlyOurs(context, list, ours) {
    if (list?.outcome !== 'done' || prop(list.body, '@odata.nextLink') !== undefined)
        return false;
    const page = prop(list.body, 'value');
    const ids = exactMatches(Array.isArray(page) ? page.filter(isJsonObject) : [], read_displayNameOf(context)).map((pki) => tolerant_stringProp(pki, 'id'));
    return ids.length === 1 && ids[0] === ours;
}
/**
 * Creates the PKI and, in the same round trip, lists the PKIs of its name: a JSON batch whose
 * list waits for the create (`dependsOn`), so the check for a concurrent run's PKI costs no
 * round trip of its own. A list that shows only ours settles it; anything else (another PKI of
 * the name, a list that failed or spans pages) is settled by the full check (`settle`).
 */
async function createAndSettle(context, op) {
    const displayName = read_displayNameOf(context);
    const [create, list] = await context.graph.batch([
        { method: 'POST', path: op.path, body: op.body },
        { method: 'GET', path: byDisplayNamePath(paths/* PKI_CONTAINER */.RF, displayName), dependsOn: [0] }
    ], read_opts);
    if (create === undefined || create.outcome === 'failed')
        throw create?.error ?? new Error('internal: no answer for the PKI create');
    let created = create.outcome === 'done' ? tolerant_stringProp(create.body, 'id') : undefined;
    if (create.outcome === 'ambiguous') {
        context.logger.warning('The response to creating the PKI was lost; looking it up by name before creating it again.');
        created = (await winnerId(context)) ?? tolerant_stringProp(await context.graph.post(op.path, op.body, read_opts), 'id');
    }
    if (created === undefined)
        throw new Error(`POST ${op.path} returned no id for the new PKI`);
    if (create.outcome === 'done' && onlyOurs(context, list, created))
        return { created, pkiId: created };
    return { created, pkiId: await settle(context, created) };
}
/** Pauses between looks at a racer's PKI that is still empty: about 8 s in all. */
const EMPTY_RACER_PAUSES_MS = [250, 500, 1000, 2000, 4000];
/**
 * The PKI to end on, once ours holds a CA. Another PKI of the name that is still empty belongs to
 * a run between its create and its first CA: that run will fill it (it chose its own, having seen
 * ours empty) or delete it (it chose ours). Choosing before then could leave two PKIs, one filled
 * by each run, so this looks again until every other PKI of the name holds a CA or is gone. One
 * still empty after the last pause is taken as left behind by a run that stopped, and ignored.
 */
async function settledWinner(context, ours) {
    for (let look = 0;; look++) {
        const found = await namesakes(context);
        const empty = found.filter((pki) => pki.id !== ours && !pki.held).map((pki) => pki.id);
        const pause = EMPTY_RACER_PAUSES_MS[look];
        if (empty.length === 0 || pause === undefined) {
            if (empty.length > 0) {
                context.logger.warning(`The PKI(s) ${empty.join(', ')} named "${read_displayNameOf(context)}" are still empty after ` +
                    `${EMPTY_RACER_PAUSES_MS.reduce((a, b) => a + b, 0) / 1000} s; taking them as left behind by a run that stopped. ` +
                    'Delete them if no run is using them.');
            }
            return (choose(context, found.filter((pki) => !empty.includes(pki.id))) ?? ours);
        }
        context.logger.info(`Another run is creating a PKI named "${read_displayNameOf(context)}" (${empty.join(', ')}, still empty); ` +
            `looking again in ${pause / 1000} s to see whether it keeps that one or joins this one.`);
        await (0,promises_.setTimeout)(pause);
    }
}
/** Right after creating: if another PKI of that name wins, ours (still empty) goes. */
async function settle(context, created) {
    const winner = await winnerId(context);
    if (winner === undefined || winner === created)
        return created;
    context.logger.warning(`Another run created a PKI named "${read_displayNameOf(context)}" at the same time; using that one ` +
        `(${winner}) and deleting the one this run created (${created}).`);
    await deleteTolerant(context, `${paths/* PKI_CONTAINER */.RF}/${created}`, read_hint);
    return winner;
}
/** Adds every given CA to the winner (those already there are skipped), then deletes our PKI. */
async function settle_moveTo(context, winner, ours, desired) {
    context.logger.warning(`Another run created a PKI named "${read_displayNameOf(context)}" at the same time, and that one ` +
        `(${winner}) wins; moving this run's CAs there and deleting the PKI this run created (${ours}).`);
    const { record } = context;
    record.created.length = 0;
    record.createdAuthorityIds.length = 0;
    const held = new Set(existingAuthorities(await read_listAuthorities(context, winner)).map((ca) => ca.thumbprint));
    const ops = desired
        .filter((ca) => !held.has(ca.thumbprint))
        .map((ca) => ({
        action: 'createAuthority',
        method: 'POST',
        path: (0,paths/* PKI_AUTHORITIES */.rp)(winner),
        reason: 'move',
        thumbprint: ca.thumbprint,
        body: (0,bodies/* pkiAuthorityBody */.MJ)(ca, context.settings.issuerHints)
    }));
    await createAuthorities(context, winner, ops, (op) => op.path);
    await deleteTolerant(context, `${paths/* PKI_CONTAINER */.RF}/${ours}`, read_hint);
    record.configurationId = winner;
}

;// CONCATENATED MODULE: ./src/graph/pki/update-delete.ts

/**
 * PATCHes or DELETEs in batches (each is idempotent, and independent of the others); `done` is
 * called for each that took effect. A DELETE whose target is already gone has done its job.
 */
async function writeAll(context, ops, path, done) {
    if (ops.length === 0)
        return;
    context.onWrite();
    const results = await context.graph.batch(ops.map((op) => ({
        method: op.method,
        path: path(op),
        ...(op.body !== undefined ? { body: op.body } : {})
    })), read_opts);
    let failure;
    results.forEach((result, i) => {
        const op = ops[i];
        if (result.outcome === 'done' || (op.method === 'DELETE' && result.outcome === 'failed' && result.error.status === 404))
            done(op);
        else
            failure ??= result.error;
    });
    if (failure !== undefined)
        throw failure;
}

;// CONCATENATED MODULE: ./src/graph/pki/publisher.ts






async function publisher_apply(context, plan, state, desired) {
    const { record } = context;
    let pkiId = state.pki?.id;
    let created;
    const path = (op) => (pkiId !== undefined ? op.path.replace(paths/* PLACEHOLDER */.Kx.pkiId, pkiId) : op.path);
    for (const op of plan.operations.filter((o) => o.action === 'createConfiguration')) {
        context.onWrite();
        ({ created, pkiId } = await createAndSettle(context, op));
    }
    if (pkiId === undefined)
        throw new Error('internal: no PKI id after planning');
    record.configurationId = pkiId;
    // Extras go last, after every addition: trust never shrinks before it grows. Only those the
    // plan puts before the additions (to stay within 250 CAs) go first.
    const ops = (action) => plan.operations.filter((o) => o.action === action);
    const firstAdd = plan.operations.findIndex((o) => o.action === 'createAuthority');
    const room = new Set(firstAdd === -1 ? [] : plan.operations.slice(0, firstAdd).filter((o) => o.action === 'deleteAuthority'));
    await writeAll(context, [...room], path, (op) => {
        if (op.thumbprint !== undefined)
            record.removed.push(op.thumbprint);
    });
    // A PKI this run created is checked for a racer's again after its first CA is in: that check
    // rides with the additions, in the same round trip (see settledWinner).
    const recheck = created !== undefined && created === pkiId;
    const check = await createAuthorities(context, pkiId, ops('createAuthority'), path, recheck);
    await writeAll(context, ops('updateAuthority'), path, (op) => {
        if (op.thumbprint !== undefined)
            record.updated.push(op.thumbprint);
    });
    await writeAll(context, ops('deleteAuthority').filter((op) => !room.has(op)), path, (op) => {
        if (op.thumbprint !== undefined)
            record.removed.push(op.thumbprint);
    });
    // A racer's PKI with a lower id may have appeared after we settled: then ours moves to it.
    if (recheck && !(check?.added === true && onlyOurs(context, check.list, pkiId))) {
        const winner = await settledWinner(context, pkiId);
        if (winner !== pkiId)
            await settle_moveTo(context, winner, pkiId, desired);
    }
}
const pkiPublisher = {
    read: read_read,
    storeCertificates: (state) => state.authorities.map((ca) => ca.der),
    apply: publisher_apply,
    // The CA creates go in batches of 20, a few at once, each on its own connection; into a new PKI
    // one more carries the first CA and the check for a racer's PKI.
    connections: (desired) => Math.min(DEFAULT_BATCHES_IN_FLIGHT, Math.ceil(desired.length / MAX_BATCH_ITEMS)) + 1
};

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/http/dispatcher.ts
// The undici dispatcher every request goes through (OIDC, MSAL, Graph), so that one proxy
// configuration and one set of timeouts apply to all of them.


const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
function proxySettings(env) {
    const pick = (name) => (env[name.toLowerCase()] ?? env[name.toUpperCase()] ?? '').trim();
    return { httpProxy: pick('http_proxy'), httpsProxy: pick('https_proxy'), noProxy: pick('no_proxy') };
}
/**
 * An EnvHttpProxyAgent when HTTPS_PROXY or HTTP_PROXY is set (an https URL uses HTTPS_PROXY,
 * else HTTP_PROXY; NO_PROXY lists hosts to reach directly), else a plain Agent. The proxy
 * settings are read from `env`, never from process.env behind the caller's back.
 */
function createDispatcher(env, options = {}) {
    const connectTimeout = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const tls = { ...options.connect };
    const common = { connectTimeout, headersTimeout: requestTimeout, bodyTimeout: requestTimeout };
    const proxy = proxySettings(env);
    if (proxy.httpProxy === '' && proxy.httpsProxy === '') {
        const connector = new WarmConnector({ ...tls, timeout: connectTimeout });
        const agent = new undici/* Agent */.g6({ ...common, connect: connector.connect });
        warmConnectors.set(agent, connector);
        return agent;
    }
    // Every value is passed explicitly (an empty string means "none"), so that undici does not
    // fall back to process.env.
    return new undici/* EnvHttpProxyAgent */.J2({
        ...common,
        connect: tls,
        requestTls: tls,
        proxyTls: tls,
        httpProxy: proxy.httpProxy,
        httpsProxy: proxy.httpsProxy,
        noProxy: proxy.noProxy
    });
}
/**
 * Opens `connections` connections to the origin of `url` now, for requests about to be sent
 * there: their TCP and TLS handshakes then overlap the round trip the run is waiting for, instead
 * of following it (on a real network, one or two round trips per new connection). A no-op for a
 * dispatcher that goes through a proxy. A warm connection is used by the next request to that
 * origin that needs a new one; one left unused does not keep the process alive.
 */
function preconnect(dispatcher, url, connections = 1) {
    warmConnectors.get(dispatcher)?.preconnect(new URL(url), connections);
}
const warmConnectors = new WeakMap();
/** A warm connection older than this is closed instead of used: the server may be about to drop it as idle. */
const WARM_FOR_MS = 3_000;
/** undici's own connector, plus connections opened ahead of need (see preconnect). */
class WarmConnector {
    #connect;
    #warm = new Map();
    constructor(options) {
        this.#connect = (0,undici/* buildConnector */.gU)(options);
    }
    connect = (options, callback) => {
        const warm = this.#warm.get(originKey(options.protocol, options.hostname, options.port))?.shift();
        if (warm === undefined) {
            this.#connect(options, callback);
            return;
        }
        // From here a request waits for it: it keeps the process alive like any connection in use.
        warm.socket.ref();
        void warm.ready.then((connected) => {
            if (!connected || warm.socket.destroyed || Date.now() - warm.openedAt > WARM_FOR_MS) {
                warm.socket.destroy();
                this.#connect(options, callback);
                return;
            }
            callback(null, warm.socket);
        });
    };
    preconnect(url, connections) {
        const key = originKey(url.protocol, url.hostname, url.port);
        const list = this.#warm.get(key) ?? [];
        this.#warm.set(key, list);
        for (let i = 0; i < connections; i++) {
            let settle = () => undefined;
            const ready = new Promise((resolve) => (settle = resolve));
            // A failure here is not reported: the request that needs the connection connects itself.
            // undici's connector returns the socket it starts (its typings say void).
            const started = this.#connect({ protocol: url.protocol, hostname: url.hostname, host: url.host, port: url.port }, (...args) => settle(args[0] === null));
            if (!(started instanceof external_node_net_.Socket))
                return;
            const socket = started;
            // Until a request takes it, neither the handshake nor the idle connection keeps the process alive.
            socket.unref();
            list.push({ socket, ready, openedAt: Date.now() });
        }
    }
}
function originKey(protocol, hostname, port) {
    return `${protocol}//${hostname}:${port === '' ? (protocol === 'https:' ? '443' : '80') : port}`;
}

;// CONCATENATED MODULE: ./src/http/retry.ts
// When to try a request again, and how long to wait first.
//
// The rule (contract.md "Talking to Graph": no run creates a duplicate):
// - Safe to repeat, for every method: 429 (throttled before any work), 409
//   Directory_ConcurrencyViolation (rejected), 503 with Retry-After (the service turned the
//   request away and said when to come back, graph-api.md §4.4), and a connection that failed
//   before the request was sent (refused, unreachable, DNS try-again, connect timeout, proxy
//   tunnel refused).
// - Repeated only when the request is idempotent (GET, PUT, PATCH, DELETE, or a POST the caller
//   marks so, such as a token request): 503 without Retry-After, 504, and a connection that
//   dropped or timed out after the request went out: the server may have done the work.
// - For a POST that is not marked idempotent, those outcomes raise AmbiguousWriteError at once,
//   so that the caller re-reads and creates only what is still missing.
/** Statuses retried for every request (subject to the rule above). */
/** Graph's 409 for a concurrent update of the same directory object: retried like a 429. */
const CONCURRENCY_VIOLATION = 'directory_concurrencyviolation';
const RETRY_STATUSES = new Set([429, 503, 504]);
const DEFAULT_BACKOFF = { baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };
/**
 * Retry-After as milliseconds to wait: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable; never negative.
 */
function parseRetryAfter(value, nowMs) {
    if (value === undefined)
        return undefined;
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1000);
    // An HTTP date names its day and month; Date.parse alone would read "-1" as a year.
    const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - nowMs);
}
/** Exponential backoff with full jitter: uniform in [0, min(max, base * 2^retry)). */
function backoffDelay(retryIndex, random, options = DEFAULT_BACKOFF) {
    const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retryIndex);
    return Math.floor(random() * ceiling);
}
/** The wait before the next attempt: Retry-After when given (capped), else backoff. */
function retryDelay(retryAfterMs, retryIndex, random, options = DEFAULT_BACKOFF) {
    return retryAfterMs !== undefined ? Math.min(retryAfterMs, options.maxRetryAfterMs) : backoffDelay(retryIndex, random, options);
}
const BEFORE_SEND = {
    ECONNREFUSED: 'connection refused',
    ENETUNREACH: 'network unreachable',
    EHOSTUNREACH: 'host unreachable',
    EAI_AGAIN: 'DNS lookup failed for now',
    UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
    UND_ERR_PRX_CONN: 'could not reach the proxy'
};
const AFTER_SEND = {
    ECONNRESET: 'connection reset',
    EPIPE: 'connection closed while sending',
    ECONNABORTED: 'connection aborted',
    ETIMEDOUT: 'connection timed out',
    UND_ERR_SOCKET: 'connection closed by the server',
    UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for the response',
    UND_ERR_BODY_TIMEOUT: 'timed out reading the response body',
    UND_ERR_ABORTED: 'request aborted',
    UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'response cut short'
};
const PERMANENT = {
    ENOTFOUND: 'host not found (check the URL and DNS)',
    UND_ERR_PRX_TLS: 'TLS connection to the proxy failed'
};
const TLS_CODE = /^(CERT_|UNABLE_TO_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH)/;
/** The error that carries the code: itself, the first of an AggregateError, or its cause. */
function codedError(error) {
    if (error === null || typeof error !== 'object')
        return undefined;
    const { code, cause, errors, address, port } = error;
    // Happy eyeballs (autoSelectFamily) reports an AggregateError of the per-address failures.
    if (typeof code !== 'string' && Array.isArray(errors) && errors.length > 0)
        return codedError(errors[0]);
    if (typeof code !== 'string')
        return cause !== undefined ? codedError(cause) : undefined;
    // `127.0.0.1:8080`: with a proxy, it tells whether the proxy was the problem.
    const where = typeof address === 'string' ? ` ${address}${typeof port === 'number' ? `:${port}` : ''}` : '';
    return { code, address: where };
}
/** Sorts an error thrown by undici; undefined when it is not a transport error (a bug). */
function classifyTransportError(error) {
    const coded = codedError(error);
    if (coded === undefined)
        return undefined;
    const { code, address } = coded;
    const message = error instanceof Error ? error.message : '';
    // A proxy that refuses the CONNECT tunnel: nothing went to the target yet.
    if (code === 'UND_ERR_ABORTED' && /^Proxy response/.test(message)) {
        return { phase: 'before-send', description: `${message} (${code})` };
    }
    const before = BEFORE_SEND[code];
    if (before !== undefined)
        return { phase: 'before-send', description: `${before} (${code}${address})` };
    const after = AFTER_SEND[code];
    if (after !== undefined)
        return { phase: 'after-send', description: `${after} (${code})` };
    const permanent = PERMANENT[code];
    if (permanent !== undefined)
        return { phase: 'permanent', description: `${permanent} (${code})` };
    if (TLS_CODE.test(code)) {
        return {
            phase: 'permanent',
            description: `TLS certificate not accepted (${code}); behind a TLS-inspecting proxy, ` + 'trust its CA with NODE_EXTRA_CA_CERTS'
        };
    }
    // Unknown codes (HTTP parser errors and the like) happen once the request is out.
    return { phase: 'after-send', description: message !== '' ? `${message} (${code})` : code };
}

;// CONCATENATED MODULE: ./src/http/client.ts
// The one HTTP client of the action (GitHub OIDC, MSAL's token requests, Graph): a fresh
// client-request-id per request, bounded retries (rule in retry.ts), and failures that carry
// what is needed to trace them. Side effects (dispatcher, clock, sleep, randomness, logger) come
// in as parameters so tests can swap them.






const DEFAULT_MAX_ATTEMPTS = 5;
class HttpClient {
    #dispatcher;
    #logger;
    #sleep;
    #random;
    #now;
    #maxAttempts;
    #backoff;
    #userAgent;
    constructor(options) {
        this.#dispatcher = options.dispatcher;
        this.#logger = options.logger;
        this.#sleep =
            options.sleep ??
                (async (ms) => {
                    await (0,promises_.setTimeout)(ms);
                });
        this.#random = options.random ?? Math.random;
        this.#now = options.now ?? Date.now;
        this.#maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
        this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
        this.#userAgent = options.userAgent ?? 'entra-ca-chain-action';
    }
    get retryPolicy() {
        return {
            logger: this.#logger,
            maxAttempts: this.#maxAttempts,
            now: () => this.#now(),
            delay: (retryAfterMs, retryIndex) => retryDelay(retryAfterMs, retryIndex, this.#random, this.#backoff),
            sleep: (ms) => this.#sleep(ms)
        };
    }
    /** Opens connections to the origin of `url` ahead of need (dispatcher.ts, preconnect). */
    preconnect(url, connections = 1) {
        preconnect(this.#dispatcher, url, connections);
    }
    async request(req) {
        const service = req.service ?? 'Microsoft Graph';
        const path = displayPath(req.url);
        const idempotent = req.idempotent ?? req.method !== 'POST';
        const label = `${service}: ${req.method} ${path}`;
        let mayHaveBeenApplied = false;
        for (let attempt = 1;; attempt++) {
            const clientRequestId = (0,external_node_crypto_.randomUUID)();
            const started = this.#now();
            const timing = () => `${this.#now() - started} ms, attempt ${attempt}/${this.#maxAttempts}, client-request-id: ${clientRequestId}`;
            let sent;
            try {
                sent = await this.#send(req, clientRequestId);
            }
            catch (error) {
                const failure = classifyTransportError(error);
                if (failure === undefined)
                    throw error;
                this.#logger.debug(`${req.method} ${path} -> ${failure.description} (${timing()})`);
                if (failure.phase === 'after-send') {
                    if (!idempotent) {
                        throw new AmbiguousWriteError({ method: req.method, path, clientRequestId, reason: failure.description }, { cause: error });
                    }
                    mayHaveBeenApplied ||= req.method !== 'GET';
                }
                if (failure.phase === 'permanent' || attempt >= this.#maxAttempts) {
                    throw new GraphError({
                        service,
                        method: req.method,
                        path,
                        status: undefined,
                        code: undefined,
                        graphMessage: undefined,
                        requestId: undefined,
                        clientRequestId,
                        date: undefined,
                        attempts: attempt,
                        mayHaveBeenApplied,
                        transportError: failure.description
                    }, { cause: error });
                }
                const wait = retryDelay(undefined, attempt - 1, this.#random, this.#backoff);
                this.#logger.info(`${label}: ${failure.description}; retrying in ${seconds(wait)} (attempt ${attempt + 1} of ${this.#maxAttempts})`);
                await this.#sleep(wait);
                continue;
            }
            const { status, headers, body } = sent;
            this.#logger.debug(`${req.method} ${path} -> ${status} (${timing()})`);
            const parsed = status >= 400 ? parseGraphErrorBody(body) : {};
            const retryAfterMs = parseRetryAfter(headers['retry-after'], this.#now());
            const concurrency = status === 409 && parsed.code?.toLowerCase() === CONCURRENCY_VIOLATION;
            const retryable = RETRY_STATUSES.has(status) || concurrency || (req.extraRetryStatuses?.includes(status) ?? false);
            // Turned away before any work was done: safe to repeat even for a POST.
            const rejected = status === 429 || concurrency || (status === 503 && retryAfterMs !== undefined);
            if (retryable && !rejected) {
                if (!idempotent) {
                    throw new AmbiguousWriteError({
                        method: req.method,
                        path,
                        clientRequestId,
                        reason: `HTTP ${status}${retryAfterMs === undefined ? ' without Retry-After' : ''}` +
                            `${headers['request-id'] !== undefined ? `, request-id: ${headers['request-id']}` : ''}`
                    });
                }
                mayHaveBeenApplied ||= req.method !== 'GET';
            }
            if (retryable && attempt < this.#maxAttempts) {
                const wait = retryDelay(retryAfterMs, attempt - 1, this.#random, this.#backoff);
                const why = retryAfterMs !== undefined ? 'Retry-After' : 'backoff';
                this.#logger.info(`${label} returned ${status}${parsed.code !== undefined ? ` ${parsed.code}` : ''}; ` +
                    `retrying in ${seconds(wait)} (${why}; attempt ${attempt + 1} of ${this.#maxAttempts})`);
                await this.#sleep(wait);
                continue;
            }
            if ((status >= 200 && status < 300) || req.acceptAnyStatus === true) {
                return { status, headers, body, clientRequestId, attempts: attempt };
            }
            const details = {
                service,
                method: req.method,
                path,
                status,
                code: parsed.code,
                graphMessage: parsed.message ?? (typeof body === 'string' && body !== '' ? snippet(body) : undefined),
                requestId: headers['request-id'] ?? headers['x-ms-request-id'] ?? parsed.requestId,
                clientRequestId: headers['client-request-id'] ?? clientRequestId,
                date: headers.date ?? parsed.date,
                attempts: attempt,
                mayHaveBeenApplied,
                ...((status === 401 || status === 403) && req.permissionHint !== undefined ? { hint: req.permissionHint } : {})
            };
            throw new GraphError(details);
        }
    }
    async #send(req, clientRequestId) {
        const headers = {
            accept: 'application/json',
            'user-agent': this.#userAgent,
            ...lowerCaseKeys(req.headers ?? {}),
            'client-request-id': clientRequestId
        };
        if (req.token !== undefined)
            headers.authorization = `Bearer ${req.token}`;
        let body = req.rawBody;
        if (req.body !== undefined) {
            body = JSON.stringify(req.body);
            headers['content-type'] = 'application/json';
        }
        const response = await (0,undici/* request */.Em)(req.url, {
            dispatcher: this.#dispatcher,
            method: req.method,
            headers,
            ...(body !== undefined ? { body } : {})
        });
        const text = await response.body.text();
        // undici frees the connection for the next request only after the tasks that follow the
        // body's end; without this pause, a request sent right after this one opens a new connection
        // (a TLS handshake on the critical path, and on a real network one more round trip or two).
        await new Promise((resolve) => setImmediate(resolve));
        return { status: response.statusCode, headers: flattenHeaders(response.headers), body: parseBody(text) };
    }
}
function lowerCaseKeys(headers) {
    return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
function flattenHeaders(headers) {
    const flat = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined)
            flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return flat;
}
/** JSON when it parses (whatever the content-type claims), else the text; undefined when empty. */
function parseBody(text) {
    if (text.trim() === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
function snippet(text) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}

;// CONCATENATED MODULE: ./src/http/batch/chunks.ts
// Graph JSON batching: which pending items travel together, and how many batches are in flight.

/**
 * The pending items in batches. Items linked by `dependsOn` (each with what it waits for, through
 * any number of links) travel in a batch of their own, sent first: Graph wants a batch either fully
 * sequential or fully parallel (graph-api.md §4.5). The others go in batches of up to 20. The bound
 * on batches in flight counts the parallel ones (their items make the burst); the `sequential`
 * ones ride beside them.
 */
function chunksOf(items, pending) {
    const groups = linkedGroups(items, pending);
    const linked = groups.filter((group) => group.length > 1);
    const parallel = groups.filter((group) => group.length === 1).flat();
    const chunks = [...linked];
    for (let i = 0; i < parallel.length; i += MAX_BATCH_ITEMS)
        chunks.push(parallel.slice(i, i + MAX_BATCH_ITEMS));
    return { chunks, sequential: linked.length };
}
/** The pending items grouped by `dependsOn` links between pending items, each group in index order. */
function linkedGroups(items, pending) {
    const waiting = new Set(pending);
    const parent = new Map();
    const root = (index) => {
        let top = index;
        for (let up = parent.get(top); up !== undefined; up = parent.get(top))
            top = up;
        return top;
    };
    for (const index of pending) {
        for (const dependency of items[index]?.dependsOn ?? []) {
            if (!waiting.has(dependency))
                continue;
            const [a, b] = [root(index), root(dependency)];
            if (a !== b)
                parent.set(Math.max(a, b), Math.min(a, b));
        }
    }
    const groups = new Map();
    for (const index of pending) {
        const top = root(index);
        groups.set(top, [...(groups.get(top) ?? []), index]);
    }
    return [...groups.values()];
}
/** Each `dependsOn` names another item of the call, and each linked group fits in one batch. */
function checkDependencies(items) {
    items.forEach((item, index) => {
        for (const dependency of item.dependsOn ?? []) {
            if (!Number.isInteger(dependency) || dependency < 0 || dependency >= items.length || dependency === index) {
                internal(`item ${index} depends on ${dependency}, which is not another item of the call`);
            }
        }
    });
    for (const group of linkedGroups(items, items.map((_item, index) => index))) {
        if (group.length > MAX_BATCH_ITEMS)
            internal(`${group.length} items linked by dependsOn do not fit in one batch of ${MAX_BATCH_ITEMS}`);
    }
}
/** Runs `work` over `items`, at most `limit` at once; rejects with the first error once all have settled. */
async function eachLimited(items, limit, work) {
    let next = 0;
    let failure;
    const worker = async () => {
        while (next < items.length) {
            const item = items[next++];
            try {
                await work(item);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (failure !== undefined)
        throw failure.error;
}

;// CONCATENATED MODULE: ./src/http/batch/verdict.ts
// Graph JSON batching, reading answers: what one item's answer means (see run.ts for the rules).



/** An item answered 424 because a dependency of it is being resent goes again with it. */
function resendDependents(items, verdicts) {
    for (const [index, verdict] of verdicts) {
        const resent = items[index]?.dependsOn?.some((dependency) => verdicts.get(dependency)?.outcome === 'retry') ?? false;
        if (resent && verdict.outcome === 'failed' && verdict.error.status === 424) {
            verdicts.set(index, { outcome: 'retry', retryAfterMs: undefined, why: '424 (after its dependency)', final: verdict });
        }
    }
}
/** The item's answer: done, resent, ambiguous or failed (the rules stand at the top of run.ts). */
function judge(transport, state, answer, attempt, options) {
    const status = prop(answer, 'status');
    if (typeof status !== 'number')
        return lost(transport, state, attempt, 'its answer in the $batch response has no status');
    const headers = lowerCaseHeaders(prop(answer, 'headers'));
    const body = normaliseGraphBody(prop(answer, 'body'));
    if (status >= 200 && status < 300)
        return { outcome: 'done', status, headers, body };
    const parsed = parseGraphErrorBody(body);
    const retryAfterMs = parseRetryAfter(headers['retry-after'], transport.retry.now());
    const concurrency = status === 409 && parsed.code?.toLowerCase() === CONCURRENCY_VIOLATION;
    const rejected = status === 429 || concurrency || (status === 503 && retryAfterMs !== undefined);
    const uncertain = !rejected && (status === 503 || status === 504);
    const requestId = headers['request-id'] ?? parsed.requestId;
    if (uncertain && !state.idempotent) {
        return ambiguous(transport, state, `HTTP ${status}${status === 503 ? ' without Retry-After' : ''} for it in a $batch` +
            `${requestId !== undefined ? `, request-id: ${requestId}` : ''}`);
    }
    if (uncertain)
        state.mayHaveBeenApplied ||= state.item.method !== 'GET';
    const error = new GraphError({
        service: 'Microsoft Graph',
        method: state.item.method,
        path: transport.displayPath(state.item.path),
        status,
        code: parsed.code,
        graphMessage: parsed.message ?? (typeof body === 'string' && body !== '' ? body.slice(0, 200) : undefined),
        requestId,
        clientRequestId: headers['client-request-id'] ?? parsed.clientRequestId ?? state.clientRequestId,
        date: headers.date ?? parsed.date,
        attempts: attempt,
        mayHaveBeenApplied: state.mayHaveBeenApplied,
        ...((status === 401 || status === 403) && options.permissionHint !== undefined ? { hint: options.permissionHint } : {})
    });
    if (rejected || uncertain) {
        return {
            outcome: 'retry',
            retryAfterMs,
            why: `${status}${parsed.code !== undefined ? ` ${parsed.code}` : ''}`,
            final: { outcome: 'failed', error }
        };
    }
    return { outcome: 'failed', error };
}
/** No answer for the item although the batch went out: ambiguous for a POST, resent otherwise. */
function lost(transport, state, attempt, reason, cause) {
    if (!state.idempotent)
        return ambiguous(transport, state, reason, cause);
    state.mayHaveBeenApplied ||= state.item.method !== 'GET';
    const error = new GraphError({
        service: 'Microsoft Graph',
        method: state.item.method,
        path: transport.displayPath(state.item.path),
        status: undefined,
        code: undefined,
        graphMessage: undefined,
        requestId: undefined,
        clientRequestId: state.clientRequestId,
        date: undefined,
        attempts: attempt,
        mayHaveBeenApplied: state.mayHaveBeenApplied,
        transportError: reason
    }, cause !== undefined ? { cause } : {});
    return { outcome: 'retry', retryAfterMs: undefined, why: 'no answer', final: { outcome: 'failed', error } };
}
function ambiguous(transport, state, reason, cause) {
    const { method, path } = state.item;
    const error = new AmbiguousWriteError({ method, path: transport.displayPath(path), clientRequestId: state.clientRequestId, reason }, cause !== undefined ? { cause } : {});
    return { outcome: 'ambiguous', error };
}
function lowerCaseHeaders(value) {
    const headers = {};
    if (!isJsonObject(value))
        return headers;
    for (const [name, v] of Object.entries(value)) {
        if (typeof v === 'string' || typeof v === 'number')
            headers[name.toLowerCase()] = String(v);
    }
    return headers;
}

;// CONCATENATED MODULE: ./src/http/batch/send.ts
// Graph JSON batching, sending: one batch on the wire, and each of its items judged.




async function sendChunk(transport, states, chunk, attempt, options) {
    const wire = chunk.map((index) => {
        const state = states[index];
        state.clientRequestId = (0,external_node_crypto_.randomUUID)();
        const { method, path, body, headers } = state.item;
        // A dependency done in an earlier round is no longer waited for.
        const dependsOn = (state.item.dependsOn ?? []).filter((dependency) => chunk.includes(dependency)).map(String);
        return {
            id: String(index),
            method,
            url: path,
            ...(dependsOn.length > 0 ? { dependsOn } : {}),
            headers: {
                ...headers,
                'client-request-id': state.clientRequestId,
                ...(body !== undefined ? { 'content-type': 'application/json' } : {})
            },
            ...(body !== undefined ? { body } : {})
        };
    });
    let response;
    try {
        response = await transport.send(wire, chunk.every((index) => states[index].idempotent));
    }
    catch (error) {
        if (error instanceof GraphError)
            return chunk.map((index) => [index, { outcome: 'failed', error }]);
        if (!(error instanceof AmbiguousWriteError))
            throw error;
        return chunk.map((index) => [index, lost(transport, states[index], attempt, `its $batch request: ${error.reason}`, error)]);
    }
    const answers = new Map();
    const responses = prop(response.body, 'responses');
    for (const answer of Array.isArray(responses) ? responses : []) {
        const id = prop(answer, 'id');
        if ((typeof id === 'string' || typeof id === 'number') && !answers.has(String(id)))
            answers.set(String(id), answer);
    }
    const statuses = [...answers.values()].map((answer) => String(prop(answer, 'status')));
    transport.retry.logger.debug(`$batch of ${chunk.length} (attempt ${attempt}) -> ${response.status}; items: ` +
        `${[...new Set(statuses)]
            .sort()
            .map((s) => `${s} ×${statuses.filter((t) => t === s).length}`)
            .join(', ') || 'none'}`);
    return chunk.map((index) => {
        const answer = answers.get(String(index));
        const state = states[index];
        if (answer === undefined)
            return [index, lost(transport, state, attempt, `the $batch response (HTTP ${response.status}) had no answer for it`)];
        return [index, judge(transport, state, answer, attempt, options)];
    });
}

;// CONCATENATED MODULE: ./src/http/batch/run.ts
// Graph JSON batching (graph-api.md §4.5): up to 20 requests in one `POST /{version}/$batch`, a
// few batches at once, so that 100 independent writes cost one round trip instead of dozens.
//
// Throttling (§4.4): Graph throttles the items one by one, as if each were sent alone (a batch can
// be 200 with some items 429), and every POST, PATCH or DELETE item counts against the write
// limits: 3,000 writes per 150 s per app and tenant. A PKI holds at most 250 CAs, far below; the
// bound on batches in flight keeps the burst to 100 items at a time.
//
// Which items are resent follows retry.ts, item by item:
// - 429, 409 Directory_ConcurrencyViolation, 503 with Retry-After: turned away before any work.
//   Only those items are resent, after the largest Retry-After among them (else backoff), with
//   the client's attempt bound.
// - 503 without Retry-After or 504 for an item, and a batch whose answer was lost (connection
//   dropped or timed out after sending, 503 without Retry-After, 504): the item may have been
//   applied. An idempotent item is resent; a POST is reported `ambiguous` and never resent: the
//   caller reads the tenant and creates only what is still missing.
// - Anything else: `failed`, with a GraphError carrying the item's status, code, message and ids.




async function runBatch(transport, items, options = {}) {
    const { retry } = transport;
    checkDependencies(items);
    const states = items.map((item) => ({
        item,
        idempotent: item.idempotent ?? item.method !== 'POST',
        clientRequestId: '',
        mayHaveBeenApplied: false
    }));
    const results = new Array(items.length);
    let pending = items.map((_item, index) => index);
    for (let attempt = 1; pending.length > 0; attempt++) {
        const verdicts = new Map();
        const { chunks, sequential } = chunksOf(items, pending);
        await eachLimited(chunks, (options.concurrency ?? DEFAULT_BATCHES_IN_FLIGHT) + sequential, async (chunk) => {
            for (const [index, verdict] of await sendChunk(transport, states, chunk, attempt, options))
                verdicts.set(index, verdict);
        });
        resendDependents(items, verdicts);
        const again = [];
        let retryAfterMs;
        const why = new Map();
        for (const [index, verdict] of verdicts) {
            if (verdict.outcome !== 'retry') {
                results[index] = verdict;
            }
            else if (attempt >= retry.maxAttempts) {
                results[index] = verdict.final;
            }
            else {
                again.push(index);
                if (verdict.retryAfterMs !== undefined)
                    retryAfterMs = Math.max(retryAfterMs ?? 0, verdict.retryAfterMs);
                why.set(verdict.why, (why.get(verdict.why) ?? 0) + 1);
            }
        }
        pending = again.sort((a, b) => a - b);
        if (pending.length === 0)
            break;
        const wait = retry.delay(retryAfterMs, attempt - 1);
        retry.logger.info(`Microsoft Graph: ${pending.length} of ${items.length} batched request(s) answered ` +
            `${[...why].map(([status, n]) => `${status} (×${n})`).join(', ')}; resending them in ${(wait / 1000).toFixed(1)} s ` +
            `(${retryAfterMs !== undefined ? 'Retry-After' : 'backoff'}; attempt ${attempt + 1} of ${retry.maxAttempts})`);
        await retry.sleep(wait);
    }
    return results.map((result) => result ?? internal('an item of the batch got no result'));
}

;// CONCATENATED MODULE: ./src/http/graph-client.ts



/** Pages followed at most by getAll: 250 CAs at $top=999 fit in one; this only stops a loop. */
const MAX_PAGES = 1000;
class GraphClient {
    #http;
    #base;
    #origin;
    #token;
    constructor(options) {
        this.#http = options.http;
        this.#base = `${options.graphUrl.replace(/\/+$/, '')}/${options.apiVersion}`;
        this.#origin = new URL(options.graphUrl).origin;
        this.#token = options.accessToken;
    }
    /** The absolute URL of a path; an absolute URL must be on the Graph host (the token goes with it). */
    url(path) {
        if (/^https?:\/\//i.test(path)) {
            if (new URL(path).origin !== this.#origin) {
                throw new Error(`Refusing to send the Graph token to ${new URL(path).origin} (expected ${this.#origin})`);
            }
            return path;
        }
        return `${this.#base}${path.startsWith('/') ? '' : '/'}${path}`;
    }
    async request(req) {
        const response = await this.#http.request({
            method: req.method,
            url: this.url(req.path),
            token: this.#token,
            service: 'Microsoft Graph',
            ...(req.body !== undefined ? { body: req.body } : {}),
            ...(req.headers !== undefined ? { headers: req.headers } : {}),
            ...(req.permissionHint !== undefined ? { permissionHint: req.permissionHint } : {})
        });
        return {
            status: response.status,
            headers: response.headers,
            body: normaliseGraphBody(response.body),
            clientRequestId: response.clientRequestId
        };
    }
    /** GET one object. */
    async get(path, options = {}) {
        const response = await this.request({ method: 'GET', path, ...options });
        return this.#expectObject(response, 'GET', path);
    }
    /** POST; the created object (200 or 201), or undefined when the service sent no body. */
    async post(path, body, options = {}) {
        const response = await this.request({ method: 'POST', path, body, ...options });
        return isJsonObject(response.body) ? response.body : undefined;
    }
    /** PATCH; the updated object when the service returns one (200), else undefined (204). */
    async patch(path, body, options = {}) {
        const response = await this.request({ method: 'PATCH', path, body, ...options });
        return isJsonObject(response.body) ? response.body : undefined;
    }
    async delete(path, options = {}) {
        await this.request({ method: 'DELETE', path, ...options });
    }
    /**
     * Many requests in JSON batches (batch/: ≤20 a batch, a few batches at once, throttled items
     * resent, lost POSTs reported as ambiguous); one result per item, in the order given.
     */
    async batch(items, options = {}) {
        if (items.length === 0)
            return [];
        const transport = {
            retry: this.#http.retryPolicy,
            displayPath: (path) => displayPath(this.url(path)),
            send: (requests, idempotent) => this.#http.request({
                method: 'POST',
                url: this.url('/$batch'),
                token: this.#token,
                service: 'Microsoft Graph',
                body: { requests },
                idempotent,
                ...(options.permissionHint !== undefined ? { permissionHint: options.permissionHint } : {})
            })
        };
        return runBatch(transport, items.map((item) => ({ ...item, path: this.#relative(item.path) })), options);
    }
    /** Every item of a collection: follows `@odata.nextLink` until it is absent. */
    async getAll(path, options = {}) {
        const items = [];
        const seen = new Set();
        let next = path;
        for (let page = 0; next !== undefined; page++) {
            if (page >= MAX_PAGES || seen.has(next)) {
                throw new Error(`GET ${displayPath(this.url(path))}: paging did not end (@odata.nextLink repeats or exceeds ${MAX_PAGES} pages)`);
            }
            seen.add(next);
            const response = await this.request({ method: 'GET', path: next, ...options });
            const body = this.#expectObject(response, 'GET', next);
            const value = prop(body, 'value');
            if (value !== undefined && !Array.isArray(value)) {
                throw this.#protocolError(response, 'GET', next, 'the response is not a collection (`value` is not an array)');
            }
            for (const item of value ?? []) {
                if (isJsonObject(item))
                    items.push(item);
            }
            const link = prop(body, '@odata.nextLink');
            next = typeof link === 'string' && link !== '' ? link : undefined;
        }
        return items;
    }
    /** A batch item's URL: relative to the version, so an absolute one must lie under it. */
    #relative(path) {
        if (!/^https?:\/\//i.test(path))
            return path.startsWith('/') ? path : `/${path}`;
        const url = this.url(path);
        if (!url.startsWith(`${this.#base}/`))
            throw new Error(`A batch item must address ${this.#base}/…, not ${displayPath(url)}`);
        return url.slice(this.#base.length);
    }
    #expectObject(response, method, path) {
        if (isJsonObject(response.body))
            return response.body;
        throw this.#protocolError(response, method, path, 'the response body is not a JSON object');
    }
    #protocolError(response, method, path, what) {
        return new GraphError({
            service: 'Microsoft Graph',
            method,
            path: displayPath(this.url(path)),
            status: response.status,
            code: undefined,
            graphMessage: what,
            requestId: response.headers['request-id'],
            clientRequestId: response.clientRequestId,
            date: response.headers.date,
            attempts: 1,
            mayHaveBeenApplied: false
        });
    }
}

// EXTERNAL MODULE: ./src/plan/index.ts + 2 modules
var src_plan = __webpack_require__(4626);
// EXTERNAL MODULE: ./src/report.ts
var report = __webpack_require__(665);
// EXTERNAL MODULE: ./src/summary.ts
var summary = __webpack_require__(8855);
;// CONCATENATED MODULE: ./src/publish.ts
// The online part of a run, loaded only when the run signs in: GitHub OIDC -> MSAL -> Graph,
// read the tenant, plan against it, and carry the plan out (or only show it, in dry-run).















const PUBLISHERS = {
    organization: organizationPublisher,
    pki: pkiPublisher,
    application: applicationPublisher
};
/**
 * ENTRA_CA_REQUEST_TIMEOUT_SECONDS bounds the wait for each response (default 60 s): for slow
 * proxies, and for tests of a server that never answers.
 */
function requestTimeout(env) {
    const raw = env.ENTRA_CA_REQUEST_TIMEOUT_SECONDS;
    if (raw === undefined || raw === '')
        return {};
    const seconds = Number(raw);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
        throw new errors/* UserError */.y(`ENTRA_CA_REQUEST_TIMEOUT_SECONDS is "${raw}"; give a number of seconds from 1 to 600.`);
    }
    return { requestTimeoutMs: seconds * 1000 };
}
const logger = { info: runner.info, debug: runner.debug, warning: runner.warning };
async function publish(settings, authorities, options, record, hooks, env = process.env) {
    checkOidcAvailable(env);
    const http = new HttpClient({ dispatcher: createDispatcher(env, requestTimeout(env)), logger });
    const publisher = PUBLISHERS[settings.kind];
    // The token endpoint's and Graph's connections open while the OIDC token is fetched, instead of
    // after it and after the access token (on a real network, a round trip or two each).
    http.preconnect(settings.authorityUrl);
    http.preconnect(settings.graphUrl, Math.max(1, publisher.connections?.(authorities) ?? 1));
    const token = await acquireGraphToken({ settings, http, env, setSecret: runner.setSecret, logger });
    const graph = new GraphClient({ http, graphUrl: settings.graphUrl, apiVersion: settings.apiVersion, accessToken: token.accessToken });
    const context = {
        graph,
        settings,
        tenantId: token.tenantId,
        logger,
        record,
        onWrite: hooks.onWrite,
        workDir: env.RUNNER_TEMP || (0,external_node_os_.tmpdir)()
    };
    const state = await publisher.read(context);
    const plan = (0,src_plan/* planPublication */.WW)(authorities, state, options);
    hooks.onPlan(plan);
    for (const line of (0,summary/* planLines */.HN)(plan))
        runner.info(line);
    // Intermediates whose issuer was not in the set may chain to a CA the store already holds.
    const problems = [...(0,chain/* missingIssuerProblems */.u_)(authorities, publisher.storeCertificates(state)), ...plan.problems];
    if ((0,report/* reportProblems */.T)(problems, settings.strict, runner).errors > 0) {
        throw new errors/* UserError */.y('The tenant and the given CAs do not fit together (see the annotations above); nothing was written.');
    }
    if (settings.dryRun) {
        return { plan, outcome: `Dry run: read the tenant and planned ${plan.operations.length} operation(s); nothing was written.` };
    }
    if (plan.refusal !== undefined)
        throw new errors/* UserError */.y(plan.refusal);
    if (plan.operations.length === 0) {
        return { plan, outcome: 'The tenant already holds every given CA: nothing to change.' };
    }
    await publisher.apply(context, plan, state, authorities);
    return {
        plan,
        outcome: `Published: ${record.created.length} CA(s) added, ${record.removed.length} removed, ` +
            `${plan.operations.length} Graph write(s) planned.`
    };
}


/***/ })

};
