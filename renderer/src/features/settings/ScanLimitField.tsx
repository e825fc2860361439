/**
 * The leak scan's size limit: files larger than this are skipped (and counted as skipped), checked
 * with the setting's own rule (common/quick-access.ts).
 */
import { LEAK_SCAN_MAX_FILE_MB, parseLeakScanMaxFileMb } from '../../../../common/quick-access';
import { NumberSettingField } from './NumberSettingField';

const parse = (text: string) => {
  const parsed = parseLeakScanMaxFileMb(text);
  return 'error' in parsed ? parsed : { value: parsed.mb };
};

export function ScanLimitField({ value, onSave }: { value: number; onSave(mb: number): void }) {
  return (
    <NumberSettingField
      id="leak-scan-max"
      label="Skip files larger than (MB)"
      hint={`A folder scan on the Leak check page skips larger files (logs and dumps that size are rarely configuration). ${LEAK_SCAN_MAX_FILE_MB.default} MB by default.`}
      value={value}
      parse={parse}
      onSave={onSave}
    />
  );
}
