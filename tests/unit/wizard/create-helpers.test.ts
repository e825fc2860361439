import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../common/errors';
import { ICON_MAX_BYTES } from '../../../common/limits';
import { isLostAnswer } from '../../../common/lost-answer';
import { splitFieldErrors } from '../../../common/token-fields';
import { normaliseFieldErrors, withFormFields } from '../../../main/core/tokens-create/fields';
import { decodeIcon, sniffImageType } from '../../../main/core/tokens-create/icon';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

describe('main: API field errors normalised to the wizard fields', () => {
  it('maps modules[0].id, $.Name, Description, icon and keeps unknown keys', () => {
    expect(
      normaliseFieldErrors({
        'modules[0].id': ['modules[0].id must match ^MOD-\\d{4}$.'],
        'modules[1].id': ['Module MOD-0000 does not exist.'],
        '$.Name': ['The name is required.'],
        Description: ['Too long.'],
        icon: ['Bad icon.'],
        'account.id': ['Not yours.'],
      }),
    ).toEqual({
      modules: ['modules[0].id must match ^MOD-\\d{4}$.', 'Module MOD-0000 does not exist.'],
      name: ['The name is required.'],
      description: ['Too long.'],
      icon: ['Bad icon.'],
      'account.id': ['Not yours.'],
    });
  });

  it('keeps code, status, message and trace of the error', () => {
    const e = withFormFields(new DeskError({ code: 'validation', status: 400, message: 'm', traceId: 't', fields: { 'modules[0].id': ['x'] } }));
    expect(e.toData()).toEqual({ code: 'validation', status: 400, message: 'm', traceId: 't', fields: { modules: ['x'] } });
  });

  it('a lost answer is offline, timeout, or an unreadable 2xx', () => {
    expect(isLostAnswer(new DeskError({ code: 'offline', message: '' }))).toBe(true);
    expect(isLostAnswer(new DeskError({ code: 'timeout', message: '' }))).toBe(true);
    expect(isLostAnswer(new DeskError({ code: 'server', status: 201, message: '' }))).toBe(true);
    expect(isLostAnswer(new DeskError({ code: 'server', status: 503, message: '' }))).toBe(false);
    expect(isLostAnswer(new DeskError({ code: 'validation', status: 400, message: '' }))).toBe(false);
  });
});

describe('main: logo checks by magic bytes', () => {
  const up = (bytes: Buffer, mimeType: 'image/png' | 'image/jpeg' | 'image/webp') => ({ fileName: 'l', mimeType, dataBase64: bytes.toString('base64') });
  it('recognises PNG, JPEG and WebP', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(JPEG)).toBe('image/jpeg');
    expect(sniffImageType(WEBP)).toBe('image/webp');
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(decodeIcon(up(PNG, 'image/png')).bytes).toEqual(new Uint8Array(PNG));
    expect(decodeIcon(up(WEBP, 'image/webp')).mimeType).toBe('image/webp');
  });

  it('refuses a mismatch, other formats, empty and oversized files with fields.icon', () => {
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as DeskError;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal(() => decodeIcon(up(JPEG, 'image/png'))).fields?.icon?.[0]).toMatch(/image\/jpeg/);
    expect(refusal(() => decodeIcon(up(Buffer.from('GIF89a...'), 'image/png'))).code).toBe('validation');
    expect(refusal(() => decodeIcon(up(Buffer.alloc(0), 'image/png'))).fields?.icon?.[0]).toMatch(/empty/);
    const big = Buffer.concat([PNG, Buffer.alloc(ICON_MAX_BYTES)]);
    expect(refusal(() => decodeIcon(up(big, 'image/png'))).fields?.icon?.[0]).toMatch(/1 MB/);
    expect(refusal(() => decodeIcon({ fileName: 'l', mimeType: 'image/png', dataBase64: 'not base64!' })).fields?.icon).toBeDefined();
  });
});

describe('common: API field errors split by form field', () => {
  it('sends each known key to its field and the rest to the general message', () => {
    expect(splitFieldErrors({ 'modules[0].id': ['a'], Name: ['b'], 'icon.dataBase64': ['c'], 'account.id': ['d'] })).toEqual({
      known: { modules: 'a', name: 'b', icon: 'c' },
      other: ['d'],
    });
  });
});
