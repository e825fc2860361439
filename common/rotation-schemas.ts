/**
 * The shapes of rotation plans (rotation.ts has the choices and the wording): what main stores
 * and checks, and what the contract carries.
 */
import { z } from 'zod';
import { tokenIdSchema } from './ids';
import { DEADLINE_AFTER_QUIET, PLAN_HORIZON_MS, PLAN_SHORTEST_MS, PLAN_STAGES } from './rotation';
import { tokenNameSchema } from './token-fields';

const durationMs = z.number().int().min(PLAN_SHORTEST_MS).max(PLAN_HORIZON_MS);
const isoInstant = z.iso.datetime({ offset: true });

/** When to retire, as the user chose it (main turns a grace period into an instant). */
export const retireChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }).strict(),
  z.object({ kind: z.literal('grace'), graceMs: durationMs }).strict(),
  z.object({ kind: z.literal('date'), at: isoInstant }).strict(),
  z
    .object({
      kind: z.literal('quiet'),
      quietMs: durationMs,
      /** The latest moment: a grace period from now. */
      deadlineMs: durationMs,
      /** At the deadline, retire even if the token is still in use (else ask). */
      regardless: z.boolean().default(false),
    })
    .strict()
    // A deadline within the quiet time would always come first: the plan would never wait for quiet.
    .refine((v) => v.deadlineMs > v.quietMs, { message: DEADLINE_AFTER_QUIET, path: ['deadlineMs'] }),
]);
export type RetireChoice = z.input<typeof retireChoiceSchema>;

export const retireActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('disable') }).strict(),
  z.object({ kind: z.literal('delete'), afterDisabledMs: durationMs }).strict(),
]);
export type RetireAction = z.infer<typeof retireActionSchema>;

/** When, as stored: instants only. */
export const retireWhenSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('at'), at: z.string() }),
  z.object({ kind: z.literal('quiet'), quietMs: z.number(), deadline: z.string(), regardless: z.boolean() }),
]);
export type RetireWhen = z.infer<typeof retireWhenSchema>;

export const planEventSchema = z.object({ at: z.string(), text: z.string() });
export type PlanEvent = z.infer<typeof planEventSchema>;

export const rotationPlanSchema = z.object({
  id: z.string().min(1),
  connectionId: z.string().min(1),
  oldId: tokenIdSchema,
  newId: tokenIdSchema,
  /** The old token's name when the plan was made (for messages once it is gone). */
  oldName: z.string(),
  createdAt: z.string(),
  when: retireWhenSchema,
  action: retireActionSchema,
  stage: z.enum(PLAN_STAGES),
  /** Which call `acting` is about. */
  step: z.enum(['disable', 'delete']).optional(),
  /** When the runner looks at the plan next (null: it waits for the user, or it is over). */
  nextAt: z.string().nullable(),
  /** Failed attempts in a row (retries back off). */
  attempts: z.number().int().min(0),
  /** The old token's Last access as last seen, and when it was looked at. */
  lastAccessAt: z.string().nullable(),
  checkedAt: z.string().nullable(),
  /** The old token's revision as last seen: a change means someone else edited it. */
  revision: z.number().int().optional(),
  disabledAt: z.string().optional(),
  /** A retire-now asked for: the next look acts whatever the timing. */
  force: z.boolean().optional(),
  /** Notices already given (e.g. `hour-before:disable`), so none is given twice. */
  notified: z.array(z.string()),
  /** What happened while the app was closed, until the page has shown it once. */
  report: z.string().optional(),
  /** How it ended, in one sentence. */
  outcome: z.string().optional(),
  history: z.array(planEventSchema),
});
export type RotationPlan = z.infer<typeof rotationPlanSchema>;

/** The plan as the renderer sees it: with its connection's name, for the Rotations view. */
export const planViewSchema = rotationPlanSchema.extend({ connectionName: z.string() });
export type PlanView = z.infer<typeof planViewSchema>;

export const rotationCreateSchema = z
  .object({
    oldId: tokenIdSchema,
    newId: tokenIdSchema,
    oldName: tokenNameSchema,
    retire: retireChoiceSchema,
    action: retireActionSchema.default({ kind: 'disable' }),
  })
  .strict();
