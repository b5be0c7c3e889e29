// The cold-start baseline: a cloud function that does nothing, bundled exactly like the real ones.
export const main = async (event: unknown): Promise<unknown> => ({ ok: true, data: event ?? null });
