/**
 * Calls typed by the generated OpenAPI `paths`: the URL is one of the schema's paths, and the
 * path parameters, query, body and response follow from it, so a call cannot drift from the
 * backend without vue-tsc saying so. Transport (session cookie, CSRF, Accept-Language, ApiError,
 * the auth-failure handler) stays in http.ts; this only names what goes in and what comes out.
 */
import { API_BASE, request, type Query } from './http'
import type { paths } from './schema'

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'
type Path = keyof paths

/** The schema's paths that answer to a method (`get?: never` marks one that does not). */
export type PathFor<M extends Method> = {
  [P in Path]: paths[P][M] extends undefined ? never : P
}[Path]

type Operation<P extends Path, M extends Method> = NonNullable<paths[P][M]>

type Parameters_<O> = O extends { parameters: infer X } ? X : never
type PathParams<O> = Parameters_<O> extends { path: infer A } ? A : never
type QueryParams<O> = Parameters_<O> extends { query?: infer Q } ? NonNullable<Q> : never
type Json<C> = C extends { 'application/json': infer J } ? J : never
type RequiredBody<O> = O extends { requestBody: { content: infer C } } ? Json<C> : never
type OptionalBody<O> = O extends { requestBody?: { content: infer C } } ? Json<C> : never

type Success<O> = O extends { responses: infer R } ? R[Extract<keyof R, 200 | 201 | 202 | 204>] : never
/** What a call resolves to: the JSON of its success response (nothing for a 204). */
export type ResponseOf<O> = Success<O> extends { content: { 'application/json': infer J } } ? J : undefined

type Options<O> = ([PathParams<O>] extends [never] ? unknown : { path: PathParams<O> }) &
  ([QueryParams<O>] extends [never] ? unknown : { query?: QueryParams<O> }) &
  ([RequiredBody<O>] extends [never]
    ? [OptionalBody<O>] extends [never]
      ? unknown
      : { body?: OptionalBody<O> }
    : { body: RequiredBody<O> }) & { signal?: AbortSignal }

/** The options argument may be left out when nothing in it is required. */
type Args<O> = object extends Options<O> ? [options?: Options<O>] : [options: Options<O>]

interface AnyOptions {
  path?: Record<string, string | number>
  query?: object
  body?: unknown
  signal?: AbortSignal
}

/** `/api/v1/opinions/{id}` with `{ id: 7 }` → `opinions/7` (relative to API_BASE). */
export function expandPath(template: string, params: Record<string, string | number> = {}): string {
  const filled = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`)
    return encodeURIComponent(String(value))
  })
  return filled.startsWith(API_BASE) ? filled.slice(API_BASE.length) : filled
}

function call(method: Method, path: string, options: AnyOptions = {}): Promise<unknown> {
  return request(method, expandPath(path, options.path), {
    query: options.query as Query | undefined,
    body: options.body,
    signal: options.signal,
  })
}

function bind<M extends Method>(method: M) {
  return <P extends PathFor<M>>(path: P, ...[options]: Args<Operation<P, M>>): Promise<ResponseOf<Operation<P, M>>> =>
    call(method, path, options as AnyOptions) as Promise<ResponseOf<Operation<P, M>>>
}

export const api = {
  GET: bind('get'),
  POST: bind('post'),
  PUT: bind('put'),
  PATCH: bind('patch'),
  DELETE: bind('delete'),
}
