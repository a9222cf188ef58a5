export { check } from "./check";
export { diff } from "./diff";
export { create } from "./create";
export { read } from "./read";
export { update } from "./update";
export { deleteContact } from "./delete";
export { configure } from "./settings";
