/** Procedure inputs and outputs for UI code, as types only: nothing of the server reaches the bundle. */
export type { RouterInputs, RouterOutputs } from '@/server/api/root';
