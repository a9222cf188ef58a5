import assert from "node:assert/strict";
import {
  contactApiError,
  isContactApiError,
  isPacingDeadlineError,
  makePacingDeadlineError,
  namedError,
} from "../../provider/aws/api-error";

describe("namedError", () => {
  it("is an Error with the name, which its stack starts with and which is not enumerable", () => {
    const error = namedError("ContactApiError", "what went wrong");
    assert.ok(error instanceof Error);
    assert.equal(error.message, "what went wrong");
    assert.match(error.stack ?? "", /^ContactApiError: what went wrong\n/);
    assert.deepEqual(Object.getOwnPropertyDescriptor(error, "name"), {
      value: "ContactApiError",
      writable: false,
      enumerable: false,
      configurable: true,
    });
    assert.equal(JSON.stringify(error), "{}");
  });

  it("has an empty stack when the runtime gives none", () => {
    const prepare = Object.getOwnPropertyDescriptor(Error, "prepareStackTrace");
    Error.prepareStackTrace = () => undefined;
    try {
      assert.equal(namedError("ContactApiError", "x").stack, "");
    } finally {
      if (prepare === undefined) {
        Reflect.deleteProperty(Error, "prepareStackTrace");
      } else {
        Object.defineProperty(Error, "prepareStackTrace", prepare);
      }
    }
  });
});

describe("contactApiError and isContactApiError", () => {
  it("carries the facts and the operation", () => {
    const error = contactApiError("message", "StopContact", {
      awsErrorName: "ConflictException",
      httpStatusCode: 409,
    });
    assert.deepEqual(
      { ...error, name: error.name, message: error.message },
      {
        name: "ContactApiError",
        message: "message",
        awsErrorName: "ConflictException",
        httpStatusCode: 409,
        operation: "StopContact",
      },
    );
    assert.equal(isContactApiError(error), true);
  });

  const others: Array<[string, unknown]> = [
    [
      "an Error of another name with an awsErrorName",
      Object.assign(new Error("x"), { awsErrorName: "Error" }),
    ],
    ["an Error of that name without an awsErrorName", namedError("ContactApiError", "x")],
    [
      "an Error of that name whose awsErrorName is not a string",
      Object.assign(namedError("ContactApiError", "x"), { awsErrorName: 1 }),
    ],
    ["an object that looks like one", { name: "ContactApiError", awsErrorName: "Error" }],
  ];
  for (const [label, error] of others) {
    it(`does not take ${label} for one`, () => {
      assert.equal(isContactApiError(error), false);
    });
  }
});

describe("makePacingDeadlineError and isPacingDeadlineError", () => {
  it("carries the details", () => {
    const details = {
      operation: "StartOutboundChatContact",
      deadlineMs: 60_000,
      attempts: 3,
      lastThrottle: { awsErrorName: "ThrottlingException" },
    };
    const error = makePacingDeadlineError("message", details);
    assert.equal(error.name, "PacingDeadlineError");
    assert.equal(error.message, "message");
    assert.deepEqual({ ...error }, details);
    assert.equal(isPacingDeadlineError(error), true);
  });

  it("does not take an object of that name for one", () => {
    assert.equal(isPacingDeadlineError({ name: "PacingDeadlineError" }), false);
    assert.equal(isPacingDeadlineError(namedError("ContactApiError", "x")), false);
  });
});
