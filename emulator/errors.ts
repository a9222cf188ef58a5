/**
 * The errors the emulator answers with, as a typed class carrying the AWS error shape name and
 * the HTTP status. Statuses of modelled errors come from the model; the others (authentication,
 * protocol) are the ones AWS's front end sends.
 */
import { CONNECT_MODEL, errorStatus } from "./model/model";

/** Error types the AWS front end answers with that are not in the Connect model. */
const FRONT_END_STATUS: Readonly<Record<string, number>> = {
  UnrecognizedClientException: 403,
  ExpiredTokenException: 403,
  InvalidSignatureException: 403,
  MissingAuthenticationTokenException: 403,
  IncompleteSignatureException: 403,
  UnknownOperationException: 404,
  SerializationException: 400,
  UnsupportedMediaTypeException: 415,
  RequestEntityTooLargeException: 413,
  RequestTimeoutException: 408,
  ServiceUnavailableException: 503,
};

/** The status for an error type: from the model, then from the front-end table, else 400. */
export function statusForErrorType(shapeName: string): number {
  return errorStatus(CONNECT_MODEL, shapeName) ?? FRONT_END_STATUS[shapeName] ?? 400;
}

/** The default error type for a status, used when a fault gives only a status. */
export function errorTypeForStatus(status: number): string {
  const byStatus: Readonly<Record<number, string>> = {
    400: "InvalidRequestException",
    403: "AccessDeniedException",
    404: "ResourceNotFoundException",
    408: "RequestTimeoutException",
    409: "ConflictException",
    410: "ContactNotFoundException",
    413: "RequestEntityTooLargeException",
    429: "ThrottlingException",
    500: "InternalServiceException",
    503: "ServiceUnavailableException",
  };
  return (
    byStatus[status] ?? (status >= 500 ? "InternalServiceException" : "InvalidRequestException")
  );
}

/** An error answered on the wire as `x-amzn-ErrorType: <shapeName>` and `{"Message": ...}`. */
export class EmulatorError extends Error {
  public readonly shapeName: string;
  public readonly status: number;

  public constructor(shapeName: string, message: string, status = statusForErrorType(shapeName)) {
    super(message);
    this.name = shapeName;
    this.shapeName = shapeName;
    this.status = status;
  }
}

export function invalidRequest(message: string): EmulatorError {
  return new EmulatorError("InvalidRequestException", message);
}

export function resourceNotFound(message: string): EmulatorError {
  return new EmulatorError("ResourceNotFoundException", message);
}
