import { z } from "zod";
import { errorBody } from "../../common/errors";

/** Path parameters of every workspace-scoped route. */
export const workspaceParams = z.object({ workspaceId: z.uuid() });

/** The error answers a signed-in route can give, for the OpenAPI document. */
export const errorResponses = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody } as const;
