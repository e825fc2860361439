import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssues, fieldLabelOf, validationErrorOf } from '../../../common/field-messages';
import { createDispatch } from '../../../main/core/dispatch';
import type { HandlerTable } from '../../../main/core/dispatch';

const messagesOf = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input, fieldIssues);
  if (parsed.success) throw new Error('expected a failure');
  return parsed.error.issues.map((i) => i.message);
};

describe('validator findings become field messages', () => {
  it('words lengths, counts and missing values by the field, never in the validator’s words', () => {
    const schema = z.object({ description: z.string().max(200), name: z.string().min(1), moduleIds: z.array(z.string()).min(1), revision: z.number().max(5) });
    const messages = messagesOf(schema, { description: 'x'.repeat(201), name: '', moduleIds: [], revision: 9 });
    expect(messages).toEqual(['Description is at most 200 characters.', 'Name is required.', 'Modules: choose at least 1.', 'Revision is at most 5.']);
    expect(messages.join(' ')).not.toMatch(/Too big|Too small|expected/);
  });

  it('a missing field is required; a wrong kind of value or format is not valid', () => {
    expect(messagesOf(z.object({ baseUrl: z.string() }), {})).toEqual(['Environment is required.']);
    expect(messagesOf(z.object({ baseUrl: z.string() }), { baseUrl: 3 })).toEqual(['Environment is not valid.']);
    expect(messagesOf(z.object({ from: z.iso.datetime() }), { from: 'soon' })).toEqual(['From date is not valid.']);
  });

  it('a schema’s own message wins over the map', () => {
    expect(messagesOf(z.object({ name: z.string().max(2, 'Keep it short.') }), { name: 'long' })).toEqual(['Keep it short.']);
  });

  it('never repeats the input (it may be a secret)', () => {
    const secret = 'idt:TKN-1234-5678:abcdefghijklmnopqrstuvwxyz0123456789';
    expect(messagesOf(z.object({ token: z.enum(['a', 'b']) }), { token: secret }).join(' ')).not.toContain('abcdefghij');
  });

  it('labels by the last named key of a path, else a neutral word', () => {
    expect(fieldLabelOf(['items', 0, 'description'])).toBe('Description');
    expect(fieldLabelOf([])).toBe('This value');
    expect(fieldLabelOf(['mystery'])).toBe('This value');
  });

  it('a failed parse is one validation error: messages by field, the first as its message', () => {
    const parsed = z.object({ name: z.string().max(3), description: z.string().max(3) }).safeParse({ name: 'abcd', description: 'abcd' }, fieldIssues);
    if (parsed.success) throw new Error('expected a failure');
    const error = validationErrorOf(parsed.error);
    expect(error.code).toBe('validation');
    expect(error.message).toBe('Name is at most 3 characters.');
    expect(error.fields).toEqual({ name: ['Name is at most 3 characters.'], description: ['Description is at most 3 characters.'] });
  });

  it('the bridge answers a too-long connection name with the field message', async () => {
    const dispatch = createDispatch({ 'connections.rename': async () => ({}) } as unknown as HandlerTable);
    const result = await dispatch('connections.rename', { id: 'c1', name: 'n'.repeat(500) }, { host: 'browser', emit: () => undefined });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', message: 'Name is at most 100 characters.', fields: { name: ['Name is at most 100 characters.'] } } });
  });
});
