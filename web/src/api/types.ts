import type { paths } from './schema.gen.ts';

type JsonContent<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type Operation<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];

/** The JSON body of an operation's success answer (200 or 201). */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { responses: { 200: infer Ok } }
    ? JsonContent<Ok>
    : Operation<P, M> extends { responses: { 201: infer Created } }
      ? JsonContent<Created>
      : never;

/** The JSON request body of an operation. */
export type BodyOf<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;
