/**
 * Typed access to the Amazon Connect model slice: shapes, operations and their HTTP bindings.
 * Everything the emulator knows about the wire format of the API comes from here.
 */
import describeSlice from "./connect-2017-08-08.describe.json";
import rawModel from "./connect-2017-08-08.slice.json";

/** A reference from a member, list or map to another shape. */
export interface ShapeRef {
  readonly shape: string;
  readonly location?: string;
  readonly locationName?: string;
}

/** The subset of a Smithy/botocore shape definition that the emulator reads. */
export interface Shape {
  readonly type: string;
  readonly required?: readonly string[];
  readonly members?: Readonly<Record<string, ShapeRef>>;
  readonly member?: ShapeRef;
  readonly key?: ShapeRef;
  readonly value?: ShapeRef;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly union?: boolean;
  readonly error?: { readonly httpStatusCode: number };
  readonly exception?: boolean;
}

export interface Operation {
  readonly name: string;
  readonly http: { readonly method: string; readonly requestUri: string };
  readonly input: ShapeRef;
  readonly output: ShapeRef;
  readonly errors: readonly ShapeRef[];
}

export interface ServiceModel {
  readonly source: Readonly<Record<string, string>>;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly operations: Readonly<Record<string, Operation>>;
  readonly shapes: Readonly<Record<string, Shape>>;
}

const mainSlice: ServiceModel = rawModel;
const readSlice: Omit<ServiceModel, "metadata"> = describeSlice;

/**
 * The model the emulator serves from: the verbatim slice `connect-2017-08-08.slice.json` (the
 * four operations the provider calls), plus the three read operations of
 * `connect-2017-08-08.describe.json`, compiled from the AWS SDK's schemas (see `README.md`).
 */
export const CONNECT_MODEL: ServiceModel = {
  source: mainSlice.source,
  metadata: mainSlice.metadata,
  operations: { ...mainSlice.operations, ...readSlice.operations },
  shapes: { ...readSlice.shapes, ...mainSlice.shapes },
};

/** The operations the emulator serves (StartChatContact is in the slice only for comparison). */
export const OPERATION_NAMES = [
  "StartOutboundChatContact",
  "DescribeContact",
  "StopContact",
  "UpdateContactAttributes",
  "DescribeInstance",
  "DescribeContactFlow",
  "DescribePhoneNumber",
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

export function isOperationName(value: unknown): value is OperationName {
  return typeof value === "string" && (OPERATION_NAMES as readonly string[]).includes(value);
}

/** Looks up a shape by name; throws on a name the model does not define (a bug, not input). */
export function getShape(model: ServiceModel, name: string): Shape {
  const shape = model.shapes[name];
  if (shape === undefined) {
    throw new Error(`The model defines no shape named '${name}'.`);
  }
  return shape;
}

/** The HTTP status the model declares for an error shape, or undefined for non-model errors. */
export function errorStatus(model: ServiceModel, shapeName: string): number | undefined {
  return model.shapes[shapeName]?.error?.httpStatusCode;
}
