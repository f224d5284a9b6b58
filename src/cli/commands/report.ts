/**
 * `leadline report`: the weekly report in one format (to standard output or a file) or all four (to
 * a directory), and with --post delivered to the configured webhooks. A bad week or an unknown
 * repository or team is bad usage (exit 2); a failed delivery is a failure (exit 1).
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Config } from '@/config/env';
import { githubWebUrl } from '@/config/github-web-url';
import { FORMAT_INFO, REPORT_FORMATS, reportFileName, type ReportFormat } from '@/reports/output-formats';
import { renderMarkdown } from '@/reports/render-markdown';
import { openDatabase } from '@/server/db/client';
import { metricSettings } from '@/server/metric-settings';
import { buildWeeklyReport } from '@/server/services/reports/build-weekly-report';
import { archiveReport } from '@/server/services/reports/report-archive';
import { postToSlack, postToWebhook, type DeliveryOptions } from '@/server/services/reports/deliver-report';
import type { ZReportArgs } from '../args';
import { failureExitCode } from '../failure-exit-code';

export interface ReportCommandIo {
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
  now?: Date;
  delivery?: DeliveryOptions;
}

export async function reportCommand(args: z.infer<typeof ZReportArgs>, config: Config, io: ReportCommandIo = {}): Promise<number> {
  const out = io.out ?? process.stdout;
  const err = io.err ?? process.stderr;
  if (args.post && !config.webhooks.slack && !config.webhooks.generic) {
    err.write('leadline: --post needs LEADLINE_SLACK_WEBHOOK_URL or LEADLINE_WEBHOOK_URL\n');
    return 2;
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const report = await buildWeeklyReport(
      database.db,
      { week: args.week, repos: args.repo, team: args.team },
      metricSettings(config),
      io.now ?? new Date(),
      githubWebUrl(config.github.apiUrl),
      config.teamSettings,
    );
    const archived = await archiveReport(database.db, report);
    err.write(
      archived.reused
        ? `the same as archived report ${archived.id} (nothing new archived)
`
        : `archived as report ${archived.id}
`,
    );
    const formats: ReportFormat[] = args['all-formats'] ? [...REPORT_FORMATS] : [args.format];
    const toDirectory =
      args['all-formats'] || (args.out !== undefined && (args.out.endsWith('/') || (existsSync(args.out) && statSync(args.out).isDirectory())));
    for (const format of formats) {
      const text = FORMAT_INFO[format].render(report);
      if (!args.out) {
        out.write(text);
        continue;
      }
      const file = toDirectory ? path.join(args.out, reportFileName(report, format)) : args.out;
      mkdirSync(path.dirname(file), { recursive: true });
      if (toDirectory) mkdirSync(args.out, { recursive: true });
      writeFileSync(file, text);
      err.write(`wrote ${file}\n`);
    }
    if (args.post) {
      const markdown = renderMarkdown(report);
      if (config.webhooks.slack) {
        await postToSlack(config.webhooks.slack, markdown, io.delivery);
        err.write('posted the summary to Slack\n');
      }
      if (config.webhooks.generic) {
        await postToWebhook(config.webhooks.generic, report, markdown, io.delivery);
        err.write('posted the report to the webhook\n');
      }
    }
    return 0;
  } catch (error) {
    return failureExitCode(error, err);
  } finally {
    await database.close();
  }
}
