import { strict as assert } from "assert";
import type { Contact } from "@aws-sdk/client-connect";
import {
  channelOfContact,
  contactFlowIdOf,
  endpointOf,
  instanceIdOf,
  segmentAttributesOf,
  segmentsOfContact,
  subtypeOf,
} from "../../provider/argument-values";

const INSTANCE_ID = "11111111-2222-3333-4444-555555555555";
const INSTANCE_ARN = `arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE_ID}`;

describe("the arguments' values", () => {
  it("takes the instance ID out of an instance ARN, and passes an ID or a value it cannot read as given", () => {
    assert.deepEqual([INSTANCE_ARN, INSTANCE_ID, "not an id/at all"].map(instanceIdOf), [
      INSTANCE_ID,
      INSTANCE_ID,
      "not an id/at all",
    ]);
  });

  it("takes the flow ID out of a contact-flow ARN, and passes an ID or a value it cannot read as given", () => {
    assert.deepEqual(
      [`${INSTANCE_ARN}/contact-flow/f-1`, "f-1", "not a flow/at all"].map(contactFlowIdOf),
      ["f-1", "f-1", "not a flow/at all"],
    );
  });

  it("reads the subtype from the channel, else from the segment attributes, else none", () => {
    assert.deepEqual(
      [
        subtypeOf("WhatsApp", { "connect:Subtype": { valueString: "connect:SMS" } }),
        subtypeOf(undefined, { "connect:Subtype": { valueString: "connect:SMS" } }),
        subtypeOf(undefined, { team: { valueString: "a" } }),
        subtypeOf(undefined, undefined),
      ],
      ["connect:WhatsApp", "connect:SMS", undefined, undefined],
    );
  });

  it("maps segment attributes to the API's, adding the subtype only when there is one", () => {
    assert.deepEqual(segmentAttributesOf(undefined, { team: { valueInteger: 3 } }), {
      team: { ValueInteger: 3 },
    });
    assert.deepEqual(segmentAttributesOf("SMS", undefined), {
      "connect:Subtype": { ValueString: "connect:SMS" },
    });
    assert.deepEqual(segmentAttributesOf(undefined, undefined), {});
  });

  it("fills in an endpoint's type, and passes a value that is not an endpoint as given", () => {
    assert.deepEqual(endpointOf({ address: "+14155550100" }, "TELEPHONE_NUMBER"), {
      Type: "TELEPHONE_NUMBER",
      Address: "+14155550100",
    });
    assert.deepEqual(
      [undefined, null, "x"].map((value) => endpointOf(value, "TELEPHONE_NUMBER")),
      [undefined, null, "x"],
    );
  });

  it("reads the channel of a contact DescribeContact answered with, and none without a known subtype", () => {
    const withSubtype = (valueString: string): Contact => ({
      SegmentAttributes: { "connect:Subtype": { ValueString: valueString } },
    });
    assert.deepEqual(
      [
        channelOfContact(withSubtype("connect:WhatsApp")),
        channelOfContact(withSubtype("connect:Email")),
        channelOfContact({ SegmentAttributes: { team: { ValueString: "a" } } }),
        channelOfContact({}),
      ],
      ["WhatsApp", undefined, undefined, undefined],
    );
  });

  it("reads a contact's segment attributes, keeping the subtype only when no channel stands for it", () => {
    const team = { ValueMap: { lead: { ValueString: "a" } } };
    assert.deepEqual(
      segmentsOfContact({
        SegmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" }, team },
      }),
      { team: { valueMap: { lead: { valueString: "a" } } } },
    );
    assert.deepEqual(
      segmentsOfContact({
        SegmentAttributes: { "connect:Subtype": { ValueString: "connect:Email" } },
      }),
      { "connect:Subtype": { valueString: "connect:Email" } },
    );
    assert.deepEqual(
      [
        segmentsOfContact({
          SegmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" } },
        }),
        segmentsOfContact({}),
      ],
      [undefined, undefined],
    );
  });
});
