// The one place the write path's domain errors become API errors.
import { ExtractError } from '../extract/errors.ts';
import { StoreError } from '../store/errors.ts';
import { apiError, badUserInput, ErrorCode } from '../errors.ts';

/**
 * The one place domain errors become API errors. The store names the input field at fault
 * relative to the input it was given; under the API that input is the mutation's `argument`.
 * `fallbackField` is named when the error points at no field of its own.
 */
export function fromDomainError(error: unknown, argument = 'input', fallbackField = argument): unknown {
  if (error instanceof StoreError) {
    const field = error.path ? `${argument}.${error.path}` : fallbackField;
    return apiError(error.code === 'NOT_FOUND' ? ErrorCode.NOT_FOUND : ErrorCode.BAD_USER_INPUT, error.message, {
      field,
    });
  }
  if (error instanceof ExtractError) return badUserInput(error.message, fallbackField);
  return error;
}
