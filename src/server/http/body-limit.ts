/**
 * A request body read up to a limit. Content-Length is checked by the proxy, but a chunked body has
 * none, so the bytes are counted as they arrive and the read stops at the limit.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<{ body: Uint8Array } | { tooLarge: true }> {
  if (!request.body) return { body: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { body };
}
