// Loaded with NODE_OPTIONS=--require into a dynamic-provider host (whether the harness or the real
// Pulumi CLI started it): appends one JSON line per gRPC call the host answers to
// $TRACE_CALLS_FILE, so that what an engine asks of the host can be compared across engines.
//
//   {"pid":…,"method":"create","urn":"urn:pulumi:…::contact-3","start":…,"end":…,"ok":true}
//
// start and end are epoch milliseconds with fractions (the emulator's call log is on the same
// clock). With TRACE_CALLS_KEYS=1 a line also names the top-level keys of the property maps the
// call carries (`olds`, `news`, `oldInputs`, `oldOutputs`, `properties`, `inputs`, and Configure's
// `args` and `variables`): names only, never a value, since the values are
// phone numbers and messages. Any other process (the language host, the launcher's `node -e`)
// loads this file and does nothing.
"use strict";
const fs = require("fs");
const path = require("path");

const file = process.env.TRACE_CALLS_FILE;
const main = process.argv[1] || "";
if (file && main.includes("dynamic-provider")) {
  const withKeys = process.env.TRACE_CALLS_KEYS === "1";
  const now = () => performance.timeOrigin + performance.now();
  const keysOf = (struct) => (struct ? [...struct.getFieldsMap().keys()].sort() : undefined);
  const describe = (request) => {
    const described = {};
    if (typeof request?.getUrn === "function") described.urn = request.getUrn();
    if (withKeys) {
      if (typeof request?.getOlds === "function") described.olds = keysOf(request.getOlds());
      if (typeof request?.getNews === "function") described.news = keysOf(request.getNews());
      if (typeof request?.getOldInputs === "function") {
        described.oldInputs = keysOf(request.getOldInputs());
      }
      if (typeof request?.getOldOutputs === "function") {
        described.oldOutputs = keysOf(request.getOldOutputs());
      }
      if (typeof request?.getProperties === "function") {
        described.properties = keysOf(request.getProperties());
      }
      if (typeof request?.getInputs === "function") described.inputs = keysOf(request.getInputs());
      if (typeof request?.getArgs === "function") described.args = keysOf(request.getArgs());
      if (typeof request?.getVariablesMap === "function") {
        described.variables = [...request.getVariablesMap().keys()].sort();
      }
    }
    return described;
  };
  const grpc = require(require.resolve("@grpc/grpc-js", { paths: [path.dirname(main)] }));
  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (service, implementation) {
    const traced = {};
    for (const [name, attributes] of Object.entries(service)) {
      const handler = implementation[name] ?? implementation[attributes.originalName];
      if (typeof handler !== "function") continue;
      traced[name] = (call, callback) => {
        const line = { pid: process.pid, method: name, ...describe(call.request), start: now() };
        return handler.call(implementation, call, (error, response) => {
          line.end = now();
          line.ok = !error;
          fs.appendFileSync(file, JSON.stringify(line) + "\n");
          callback(error, response);
        });
      };
    }
    return addService.call(this, service, traced);
  };
}
