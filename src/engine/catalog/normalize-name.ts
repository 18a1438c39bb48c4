/**
 * The form in which catalog names are compared: lower case, with spaces, underscores and dashes removed,
 * so "H100 SXM", "h100_sxm" and "H100-SXM" are one name. Dots stay ("llama 3.1" is not "llama 31").
 */
export function normalizeName(text: string): string {
  return text.toLowerCase().replace(/[\s_\-]+/g, '');
}
