import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { RouteHandler } from "@/app/_server/http/api-route";
import type { JsonSchema } from "@/app/_server/http/openapi";
import { API_V1_OPERATIONS, apiV1Document } from "@/app/api/v1/operations";

/**
 * The OpenAPI description as a contract for the API tests: `conforming(GET)` answers what GET answers, after
 * checking that the status is documented for that operation and that a JSON body validates against the
 * documented schema (strict objects: a field missing from the description fails). Ajv's 2020-12 dialect is
 * OpenAPI 3.1's.
 */

const document = apiV1Document();
export const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);

type Described = { content?: Record<string, { schema: JsonSchema }> };
const validators = new Map<string, ValidateFunction>();

/** The schema a `$ref` to a component names (components are self-contained: refs stop there). */
export function resolve(schema: JsonSchema): JsonSchema {
  const ref = schema.$ref as string | undefined;
  if (!ref) return schema;
  const name = ref.replace("#/components/schemas/", "");
  const found = (document.components.schemas as Record<string, JsonSchema>)[name];
  if (!found) throw new Error(`unresolved ${ref}`);
  return found;
}

function validator(key: string, schema: JsonSchema): ValidateFunction {
  let v = validators.get(key);
  if (!v) validators.set(key, (v = ajv.compile(resolve(schema))));
  return v;
}

/** Throws unless the description documents this answer of the route (status and body). */
export async function assertDescribed(handler: RouteHandler, response: Response): Promise<void> {
  const op = API_V1_OPERATIONS.find((o) => o.definition === handler.definition);
  if (!op) throw new Error(`"${handler.definition.summary}" is not in app/api/v1/operations.ts`);
  const operation = (document.paths[op.path] as Record<string, { responses: Record<string, Described> }>)[op.method];
  const described = operation.responses[String(response.status)];
  if (!described) throw new Error(`${op.method.toUpperCase()} ${op.path}: status ${response.status} is not described`);
  const type = (response.headers.get("content-type") ?? "").split(";")[0].trim();
  const media = described.content?.[type];
  if (!media) throw new Error(`${op.method.toUpperCase()} ${op.path} ${response.status}: content type "${type}" is not described`);
  if (type !== "application/json") return;
  const body = await response.clone().json();
  const validate = validator(`${op.operationId} ${response.status}`, media.schema);
  if (!validate(body)) {
    const errors = ajv.errorsText(validate.errors, { dataVar: "body", separator: "\n  " });
    throw new Error(`${op.method.toUpperCase()} ${op.path} ${response.status}: the body does not match the description:\n  ${errors}`);
  }
}

/** The route handler, checking every answer against the description. */
export function conforming<H extends RouteHandler>(handler: H): H {
  const checked = async (...args: Parameters<RouteHandler>) => {
    const response = await handler(...args);
    await assertDescribed(handler, response);
    return response;
  };
  return Object.assign(checked, { definition: handler.definition }) as unknown as H;
}
