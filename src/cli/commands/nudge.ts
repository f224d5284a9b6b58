/**
 * `leadline nudge`: posts what breaks a working agreement right now to the configured webhooks
 * (docs/agreements.md#nudges); `--digest` posts each team's whole list; `--dry-run` prints what it
 * would send and sends nothing. Meant for cron or a scheduled GitHub Actions job: run it often, it
 * posts each item once and nothing outside a team's working hours. An unknown team is bad usage
 * (exit 2); a failed delivery is a failure (exit 1).
 */
import type { z } from 'zod';
import type { Config } from '@/config/env';
import { githubWebUrl } from '@/config/github-web-url';
import { openDatabase } from '@/server/db/client';
import { metricSettings } from '@/server/metric-settings';
import { itemCount, nudgeText } from '@/server/services/nudges/nudge-message';
import { runNudges } from '@/server/services/nudges/run-nudges';
import type { DeliveryOptions } from '@/server/services/reports/deliver-report';
import type { ZNudgeArgs } from '../args';
import { failureExitCode } from '../failure-exit-code';

export interface NudgeCommandIo {
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
  now?: Date;
  delivery?: DeliveryOptions;
}

export async function nudgeCommand(args: z.infer<typeof ZNudgeArgs>, config: Config, io: NudgeCommandIo = {}): Promise<number> {
  const out = io.out ?? process.stdout;
  const err = io.err ?? process.stderr;
  const dryRun = args['dry-run'];
  if (!dryRun && !config.webhooks.slack && !config.webhooks.generic) {
    err.write('leadline: nudge needs LEADLINE_SLACK_WEBHOOK_URL or LEADLINE_WEBHOOK_URL (or --dry-run to print what it would send)\n');
    return 2;
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const results = await runNudges(
      database.db,
      { digest: args.digest, dryRun, team: args.team },
      metricSettings(config),
      config.teamSettings,
      io.now ?? new Date(),
      githubWebUrl(config.github.apiUrl),
      { slack: config.webhooks.slack, generic: config.webhooks.generic, delivery: io.delivery },
    );
    if (results.length === 0)
      err.write('leadline: no team has a timed agreement to nudge about (firstReviewHours, reviewResponseHours or maxRedHours in LEADLINE_TEAMS_FILE)\n');
    for (const r of results) {
      const team = `team ${r.team}`;
      if (r.status === 'outside-working-hours')
        err.write(`${team}: outside its working hours (${r.workingHours}), nothing sent; ${r.breaching} item(s) breaking now\n`);
      else if (r.status === 'nothing-new' && r.breaching === 0) err.write(`${team}: nothing breaks its agreements now\n`);
      else if (r.status === 'nothing-new') err.write(`${team}: nothing new to nudge (${r.breaching} item(s) breaking now, each already nudged)\n`);
      else if (r.status === 'sent') err.write(`${team}: posted ${r.message ? itemCount(r.message) : 0} item(s)\n`);
      else {
        const note = r.insideWorkingHours ? '' : ` (outside its working hours, ${r.workingHours}: a real run would send this later)`;
        out.write(`--- would send for ${team}${note}\n${nudgeText(r.message!)}\n\n`);
      }
    }
    return 0;
  } catch (error) {
    return failureExitCode(error, err);
  } finally {
    await database.close();
  }
}
