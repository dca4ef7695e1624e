import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  type ApiResponseOptions,
} from '@nestjs/swagger';
import { UNAUTHORIZED_MESSAGE } from '@shopwire/contracts';

const messageSchema = { type: 'object', required: ['message'], properties: { message: { type: 'string' } } };

/** A `{"message"}` response listing each of the contract's messages as a named example. */
function messageResponse(description: string, messages: string[]): ApiResponseOptions {
  const examples = Object.fromEntries(messages.map((message) => [message, { value: { message } }]));
  return { description, content: { 'application/json': { schema: messageSchema, examples } } };
}

/** 400 with the endpoint's messages, in the contract's check order. */
export const ApiContractBadRequest = (...messages: string[]) =>
  ApiBadRequestResponse(messageResponse('The first failing check, in contract order.', messages));

/** 429 with Retry-After (contract §8). */
export const ApiContractTooManyRequests = (message: string) =>
  ApiTooManyRequestsResponse({
    ...messageResponse('Rate limit reached; retry after the given number of seconds.', [message]),
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  });

/** 401 {"msg"} of the guard (contract §1.3). */
export const ApiContractUnauthorized = () =>
  applyDecorators(
    ApiUnauthorizedResponse({
      description: 'Missing, invalid or expired token, or a wrong role.',
      content: {
        'application/json': {
          schema: { type: 'object', required: ['msg'], properties: { msg: { type: 'string' } } },
          example: { msg: UNAUTHORIZED_MESSAGE },
        },
      },
    }),
  );
