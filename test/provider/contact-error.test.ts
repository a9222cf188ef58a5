import { strict as assert } from "assert";
import { contactApiError } from "../../provider/aws/api-error";
import { outboundChatContactError } from "../../provider/contact-error";
import { isOutboundChatContactError, OutboundChatContactErrorCode } from "../../provider";

const CODES: readonly OutboundChatContactErrorCode[] = [
  "ReusedClientToken",
  "NoRegion",
  "MissingState",
  "MissingUrn",
];

describe("OutboundChatContactError", () => {
  for (const code of CODES) {
    it(`is told by its code, ${code}, through the package's entry point`, () => {
      const error = outboundChatContactError(code, "what went wrong. Fix: what to do.");
      assert.ok(error instanceof Error);
      assert.equal(error.name, "OutboundChatContactError");
      assert.equal(error.code, code);
      assert.equal(error.message, "what went wrong. Fix: what to do.");
      assert.match(String(error.stack), /^OutboundChatContactError: what went wrong/);
      assert.equal(isOutboundChatContactError(error), true);
      assert.equal(isOutboundChatContactError(error, code), true);
      for (const other of CODES.filter((c) => c !== code)) {
        assert.equal(isOutboundChatContactError(error, other), false);
      }
    });
  }

  it("is not any error with a code, nor an error of an AWS call", () => {
    assert.equal(
      isOutboundChatContactError(Object.assign(new Error("x"), { code: "NoRegion" })),
      false,
    );
    assert.equal(
      isOutboundChatContactError(contactApiError("x", "StopContact", { awsErrorName: "Error" })),
      false,
    );
    assert.equal(
      isOutboundChatContactError({ name: "OutboundChatContactError", code: "NoRegion" }),
      false,
    );
    assert.equal(isOutboundChatContactError(undefined), false);
  });

  it("is not an error of that name without a code, nor with a code that is not a string", () => {
    const named = Object.assign(new Error("x"), { name: "OutboundChatContactError" });
    assert.equal(isOutboundChatContactError(named), false);
    assert.equal(isOutboundChatContactError(Object.assign(named, { code: 1 })), false);
  });
});
