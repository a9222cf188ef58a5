// Loaded with NODE_OPTIONS=--require: appends to $TRACE_REQUIRE_FILE the path of every module
// loaded whose path contains $TRACE_REQUIRE_MATCH (default "@aws-sdk/client-connect").
"use strict";
const fs = require("fs");
const Module = require("module");

const file = process.env.TRACE_REQUIRE_FILE;
const match = process.env.TRACE_REQUIRE_MATCH || "@aws-sdk/client-connect";
if (file) {
  fs.writeFileSync(file, "", { flag: "a" });
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    const exported = load.apply(this, arguments);
    let resolved = request;
    try {
      resolved = Module._resolveFilename(request, parent, isMain);
    } catch {
      // a built-in or an unresolvable request: keep the request as written
    }
    if (resolved.includes(match)) {
      fs.appendFileSync(file, resolved + "\n");
    }
    return exported;
  };
}
