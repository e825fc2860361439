/**
 * One rotation, in main (`rotation.rotate`): the replacement is created with the old token's
 * description and modules (the name may be changed), its value captured through the one create
 * path (handlers/create.ts: keychain, link, cached list), then the old token's retirement plan
 * is made. The page's single and bulk rotations both call this, so a bulk of 20 under a flaky
 * network follows the same rules as one.
 *
 * No duplicates: the Marketplace has no idempotency key, so a create is never repeated blindly.
 * A create refused outright (an error answer: nothing was made) is tried again after a pause;
 * after a LOST answer (common/lost-answer.ts) the tokens with that name that were not there
 * before are looked up — each one is a create of ours whose value is gone with the answer, so it
 * is deleted before the next try. And an old token that already has a pending plan gets no
 * second replacement: the call answers with what exists.
 */
import type { ApiToken, CreateTokenInput } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { isLostAnswer } from '../../../common/lost-answer';
import { isPending, type RetireAction, type RotationPlan } from '../../../common/rotation';
import type { z } from 'zod';
import type { retireChoiceSchema } from '../../../common/rotation-schemas';
import type { MarketplaceClient } from '../api';
import { rql } from '../api';
import { captureCreated, type CreateServices } from '../handlers/create';
import { withFormFields } from '../tokens-create/fields';
import { loadViewContext, toView } from '../tokens/views';
import type { RotationRunner } from './runner';

const MAX_CREATE_TRIES = 8;
const MAX_CLEANUP_TRIES = 12;
const PAUSE_MS = 250;

export type RotateServices = CreateServices & { rotation: Pick<RotationRunner, 'create' | 'list'> };

export interface RotateInput {
  oldId: string;
  name?: string | undefined;
  retire: z.output<typeof retireChoiceSchema>;
  action: RetireAction;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function rotateToken(services: RotateServices, input: RotateInput) {
  const { profile, client } = await services.session();
  const pending = (await services.rotation.list()).find((p) => p.connectionId === profile.id && p.oldId === input.oldId && isPending(p.stage));
  if (pending) return existingRotation(services, client, profile.id, pending);

  const old = await client.tokens.get(input.oldId);
  if (old.status === 'Deleted') throw new DeskError({ code: 'conflict', message: `${old.id} is deleted: there is nothing to rotate.` });
  const name = (input.name ?? old.name).trim();
  const request: CreateTokenInput = {
    name,
    description: old.description?.trim() ? old.description.trim() : undefined,
    moduleIds: [...new Set(old.modules.map((m) => m.id))],
    accountId: profile.account.id,
  };
  const created = await createOnce(client, request);
  const captured = await captureCreated(services, profile.id, created, old.id);
  const plan = await services.rotation.create({ connectionId: profile.id, oldId: old.id, newId: created.id, oldName: old.name, retire: input.retire, action: input.action });
  const { value: _value, ...rest } = captured;
  return { ...rest, plan };
}

async function existingRotation(services: RotateServices, client: MarketplaceClient, connectionId: string, plan: RotationPlan) {
  const token = await client.tokens.get(plan.newId);
  const context = await loadViewContext(services, connectionId);
  const view = toView(token, context);
  return { token: view, stored: view.hasValue, plan };
}

/** The ids of the live tokens with this name (the look-up after a lost answer). */
async function idsNamed(client: MarketplaceClient, name: string): Promise<Set<string>> {
  const page = await client.tokens.list({ filter: rql.eq('name', name), limit: 100 });
  return new Set(page.items.filter((t) => t.status !== 'Deleted').map((t) => t.id));
}

/**
 * Whatever appeared under this name since the first try is ours, and its value is lost with the
 * answer: remove it. Kept at until it is done (a failure here would leave a duplicate behind that
 * a later try could no longer tell from the user's own tokens).
 */
async function removeOrphans(client: MarketplaceClient, name: string, before: ReadonlySet<string>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      for (const id of await idsNamed(client, name)) if (!before.has(id)) await client.tokens.delete(id);
      return;
    } catch (error) {
      if (attempt >= MAX_CLEANUP_TRIES) throw error;
      await pause(PAUSE_MS * attempt);
    }
  }
}

async function createOnce(client: MarketplaceClient, request: CreateTokenInput): Promise<ApiToken> {
  const before = await idsNamed(client, request.name ?? '');
  let last: unknown;
  for (let attempt = 1; attempt <= MAX_CREATE_TRIES; attempt += 1) {
    try {
      return await client.tokens.create(request);
    } catch (error) {
      if (!DeskError.is(error)) throw error;
      last = error;
      if (isLostAnswer(error)) {
        await removeOrphans(client, request.name ?? '', before);
      } else if (!(error.code === 'server' || error.code === 'rate_limited')) {
        throw withFormFields(error);
      }
      await pause(PAUSE_MS * attempt);
    }
  }
  throw DeskError.is(last) ? withFormFields(last) : new DeskError({ code: 'server', message: 'The replacement could not be created.' });
}
