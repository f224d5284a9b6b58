/**
 * GET /api/reports/ID/FORMAT: an archived report as a file (md, html, csv, json) with its content
 * type and file name; `?inline=1` shows it in the browser instead (the HTML preview). Its security
 * headers (a policy that runs no script, nosniff) are set by src/proxy.ts, like every response's.
 */
import { TRPCError } from '@trpc/server';
import { getServerCaller } from '@/server/api/server-caller';
import { ZReportFileInput } from '@/server/services/reports/reports-page.types';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string; format: string }> }) {
  const raw = await params;
  const parsed = /^\d{1,16}$/.test(raw.id) ? ZReportFileInput.safeParse({ id: Number(raw.id), format: raw.format }) : null;
  if (!parsed?.success) {
    const why = parsed ? parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : 'id: not a number';
    return new Response(`Use /api/reports/ID/FORMAT with a report's numeric id and md, html, csv or json (${why})\n`, { status: 400 });
  }
  try {
    const file = await getServerCaller().reports.file(parsed.data);
    const inline = new URL(request.url).searchParams.get('inline') === '1';
    return new Response(file.text, {
      headers: {
        'content-type': file.contentType,
        'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${file.fileName}"`,
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') return new Response(error.message, { status: 404 });
    throw error;
  }
}
