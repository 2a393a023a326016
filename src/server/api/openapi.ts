import { z } from 'zod';
import { errorSchema } from './api.schemas.js';
import { API_ROUTES, type RouteDoc } from './route-docs.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

/** OpenAPI `{id}` from Hono's `:id`. */
export const openApiPath = (path: string): string => path.replace(/:([A-Za-z_]\w*)/g, '{$1}');

function parameters(route: RouteDoc): JsonSchema[] {
  const out: JsonSchema[] = [...route.path.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  if (route.query) {
    const schema = toSchema(route.query);
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    for (const [name, s] of Object.entries(props)) out.push({ name, in: 'query', required: required.has(name), schema: s });
  }
  return out;
}

function operation(route: RouteDoc): JsonSchema {
  const op: JsonSchema = { summary: route.summary, 'x-roles': route.roles, parameters: parameters(route) };
  if (route.body) op.requestBody = { required: true, content: { 'application/json': { schema: toSchema(route.body) } } };
  if (route.rawBody) op.requestBody = { required: true, content: Object.fromEntries(route.rawBody.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }])) };
  const error = { description: 'refused', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  const success = route.download
    ? { description: 'the file, as an attachment', content: Object.fromEntries(route.download.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }])) }
    : { description: 'success', content: { 'application/json': { schema: route.response ? toSchema(route.response) : { type: 'object' } } } };
  op.responses = {
    [String(route.status ?? 200)]: success,
    ...Object.fromEntries((route.errors ?? []).map((s) => [String(s), error])),
  };
  return op;
}

/** The OpenAPI 3.1 document of every /api route, request schemas generated from the zod schemas the routes parse with. */
export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of API_ROUTES) {
    const p = openApiPath(route.path);
    paths[p] = { ...paths[p], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Reckon analysts’ API', version: '1', description: 'Signed-in JSON API of the analysts’ workspace. See docs/api.md.' },
    paths,
    components: {
      schemas: { Error: toSchema(errorSchema) },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-reckon' } },
    },
    security: [{ session: [] }],
  };
}
