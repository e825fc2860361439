/** Searches everything the app wrote (its data folder, its output) for secret values. */
import fs from 'node:fs';
import path from 'node:path';

export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every place (file path or label) where one of the secrets occurs. */
export function findSecrets(secrets: string[], sources: { label: string; text: string }[]): string[] {
  const hits: string[] = [];
  for (const { label, text } of sources) {
    for (const secret of secrets) {
      // The secret part alone counts too: a value split or re-encoded must not slip through.
      const secretPart = secret.split(':').pop() ?? secret;
      if (text.includes(secret) || (secretPart.length >= 16 && text.includes(secretPart))) hits.push(`${label} contains ${secret.slice(0, 18)}…`);
    }
  }
  return hits;
}

export function dataDirSources(dataDir: string): { label: string; text: string }[] {
  return filesUnder(dataDir).map((file) => ({ label: file, text: fs.readFileSync(file, 'latin1') }));
}
