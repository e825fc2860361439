/**
 * The leak check's folder picker in the desktop app: the OS's own dialog, so the user picks
 * folders the way they always do and no path is typed. Cancelling is an empty list, not an error.
 */
import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';

const OPTIONS: OpenDialogOptions = {
  title: 'Choose folders to check for leaked tokens',
  buttonLabel: 'Scan',
  properties: ['openDirectory', 'multiSelections'],
};

export async function pickFolders(): Promise<string[]> {
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showOpenDialog(parent, OPTIONS) : await dialog.showOpenDialog(OPTIONS);
  return result.canceled ? [] : result.filePaths;
}
