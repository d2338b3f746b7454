/**
 * @module Saves export files through the browser's downloads (the `downloads` permission): each
 * file becomes a Blob URL handed to `downloads.download`, revoked once the download finished.
 */

/** The part of `browser.downloads` used here. */
export interface DownloadsApi {
  download(options: { url: string; filename: string; saveAs?: boolean; conflictAction?: 'uniquify' }): Promise<number>;
  onChanged: {
    addListener(listener: (delta: { id: number; state?: { current?: string } }) => void): void;
    removeListener(listener: (delta: { id: number; state?: { current?: string } }) => void): void;
  };
}

export interface SaveEnv {
  downloads: DownloadsApi;
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
}

export function defaultSaveEnv(downloads: DownloadsApi): SaveEnv {
  return { downloads, createObjectURL: (blob) => URL.createObjectURL(blob), revokeObjectURL: (url) => URL.revokeObjectURL(url) };
}

/** Starts one download per file; resolves with the download ids once the browser accepted them. */
export async function saveFiles(env: SaveEnv, files: readonly { filename: string; mime: string; text: string }[]): Promise<number[]> {
  const ids: number[] = [];
  for (const file of files) {
    const url = env.createObjectURL(new Blob([file.text], { type: file.mime }));
    let id: number;
    try {
      id = await env.downloads.download({ url, filename: file.filename, saveAs: false, conflictAction: 'uniquify' });
    } catch (error) {
      env.revokeObjectURL(url);
      throw error;
    }
    const listener = (delta: { id: number; state?: { current?: string } }) => {
      if (delta.id !== id || (delta.state?.current !== 'complete' && delta.state?.current !== 'interrupted')) return;
      env.downloads.onChanged.removeListener(listener);
      env.revokeObjectURL(url);
    };
    env.downloads.onChanged.addListener(listener);
    ids.push(id);
  }
  return ids;
}
