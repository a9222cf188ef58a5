/**
 * The reused-token check on its own: which DescribeContact answers make a create's contact an
 * earlier send, to the millisecond of the clock skew.
 */
import { strict as assert } from "assert";
import { ConnectClient, DescribeContactCommand } from "@aws-sdk/client-connect";
import { AwsClientStub } from "aws-sdk-client-mock";
import { mockConnect, restoreConnect } from "../../harness/connect-mock";
import { awsError, setEnv } from "../../harness/doubles";
import { freshProvider } from "../../harness/fresh-provider";
import { INSTANCE_ID } from "../fixtures";

type ReusedToken = typeof import("../../provider/reused-token");

const CREATE_STARTED_AT = new Date("2026-12-03T10:00:00.000Z");
const FIVE_MINUTES_MS = 5 * 60 * 1000;

describe("the reused-token check", () => {
  let connect: AwsClientStub<ConnectClient>;
  let restoreEnv: () => void;
  let check: ReusedToken["reusedTokenEndedAt"];

  beforeEach(() => {
    connect = mockConnect();
    check = freshProvider()<ReusedToken>("reused-token").reusedTokenEndedAt;
    restoreEnv = setEnv({ AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "secret" });
  });
  afterEach(() => {
    restoreEnv();
    restoreConnect();
  });

  const endedAt = async (disconnect: Date | undefined): Promise<Date | undefined> => {
    connect.on(DescribeContactCommand).resolves({
      Contact: { Id: "contact-1", DisconnectTimestamp: disconnect },
    });
    return check("us-east-1", INSTANCE_ID, "contact-1", CREATE_STARTED_AT);
  };

  it("counts a contact that ended more than the clock skew before the create as an earlier send", async () => {
    const ended = new Date(CREATE_STARTED_AT.getTime() - FIVE_MINUTES_MS - 1);
    assert.equal(await endedAt(ended), ended);
    const call = connect.commandCalls(DescribeContactCommand)[0].args[0].input;
    assert.deepEqual(call, { InstanceId: INSTANCE_ID, ContactId: "contact-1" });
  });

  it("counts a contact that ended exactly the clock skew before the create as this one", async () => {
    assert.equal(await endedAt(new Date(CREATE_STARTED_AT.getTime() - FIVE_MINUTES_MS)), undefined);
  });

  it("counts a contact that ended after the create began as this one", async () => {
    assert.equal(await endedAt(new Date(CREATE_STARTED_AT.getTime() + 1000)), undefined);
  });

  it("counts a contact still open (no disconnect time) as this one", async () => {
    assert.equal(await endedAt(undefined), undefined);
  });

  it("counts a contact it cannot read as this one, since the message may have gone", async () => {
    connect.on(DescribeContactCommand).rejects(awsError("AccessDeniedException", 403, "denied"));
    assert.equal(await check("us-east-1", INSTANCE_ID, "contact-1", CREATE_STARTED_AT), undefined);
  });
});
