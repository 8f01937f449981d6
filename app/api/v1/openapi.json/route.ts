import { apiRoute } from "@/app/_server/http/api-route";
import { apiV1Document, openApiRoute } from "../operations";

/**
 * GET /api/v1/openapi.json: the OpenAPI 3.1 description of /api/v1, built from the routes' own zod schemas.
 * Public on purpose: integrators and their tools (code generators, API gateways, Postman) read the contract
 * before they hold a token, and it is the same for everyone — route shapes and Chinese descriptions, as in the
 * repository, with no data, no names of regions or users and no server address.
 */
export const GET = apiRoute(openApiRoute, async () => apiV1Document());
