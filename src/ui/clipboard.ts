/** Copies text to the clipboard; says whether it worked (it can be refused, e.g. in an iframe). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
