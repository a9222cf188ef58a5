/** Masks a phone number for listing: keeps a leading `+` and the last two digits. */
export function maskPhoneNumber(address: string): string {
  const visible = 2;
  if (address.length <= visible) {
    return "*".repeat(address.length);
  }
  const prefix = address.startsWith("+") ? "+" : "";
  const hidden = address.length - visible - prefix.length;
  return `${prefix}${"*".repeat(Math.max(hidden, 0))}${address.slice(-visible)}`;
}
