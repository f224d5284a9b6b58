/**
 * GET /api/reports/ID/FORMAT: an archived report as a file (md, html, csv, json) with its content
 * type and file name; `?inline=1` shows it in the browser instead (the HTML preview).
 */
import { TRPCError } from '@trpc/server';
import { getServerCaller } from '@/server/api/server-caller';

export const dynamic = 'force-dynamic';

const FORMATS = new Set(['md', 'html', 'csv', 'json']);

export async function GET(request: Request, { params }: { params: Promise<{ id: string; format: string }> }) {
  const { id, format } = await params;
  if (!/^\d+$/.test(id) || !FORMATS.has(format)) {
    return new Response('Use /api/reports/ID/FORMAT with a numeric id and md, html, csv or json', { status: 400 });
  }
  try {
    const file = await getServerCaller().reports.file({ id: Number(id), format: format as 'md' | 'html' | 'csv' | 'json' });
    const inline = new URL(request.url).searchParams.get('inline') === '1';
    return new Response(file.text, {
      headers: {
        'content-type': file.contentType,
        'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${file.fileName}"`,
        // The HTML report has no script and needs none: forbid any, and any request out.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') return new Response(error.message, { status: 404 });
    throw error;
  }
}
