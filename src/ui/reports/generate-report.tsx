'use client';
/** Makes (and archives) the report of a chosen week, then shows it. */
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '@/ui/trpc/react';

export function GenerateReport({ weeks, repos, team }: { weeks: { key: string; label: string }[]; repos?: string[]; team?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [week, setWeek] = useState(weeks[0]?.key ?? '');
  const generate = useMutation(trpc.reports.generate.mutationOptions({ onSuccess: ({ id }) => router.push(`/reports?id=${id}`) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    generate.mutate({ week, repos, team });
  };
  return (
    <form className="field-group" onSubmit={submit} aria-label="Make a report">
      <label className="field">
        <span>Week</span>
        <select value={week} onChange={(e) => setWeek(e.target.value)}>
          {weeks.map((w) => (
            <option key={w.key} value={w.key}>
              {w.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button" disabled={generate.isPending || !week}>
        {generate.isPending ? 'Making the report…' : 'Make the report'}
      </button>
      {generate.error && (
        <span className="error-message" role="alert">
          {generate.error.message}
        </span>
      )}
    </form>
  );
}
