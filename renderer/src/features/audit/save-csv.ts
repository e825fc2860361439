/**
 * Hands a CSV to the user as a download. Works in both hosts: the browser saves it to its
 * downloads; Electron shows its save dialog for a download. The text never leaves this page
 * otherwise (no network), and it holds no secret (main masks every cell).
 */
export function saveCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
