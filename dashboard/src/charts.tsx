// The two charts (chart.js through react-chartjs-2), each with a text equivalent for screen readers.
import { ArcElement, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { Bar, Doughnut } from 'react-chartjs-2';
import { num } from './ui';

Chart.register(ArcElement, BarElement, CategoryScale, LinearScale, Tooltip);

export function UsageChart({ labels, values }: { labels: string[]; values: number[] }) {
  const total = values.reduce((a, b) => a + b, 0);
  return (
    <div style={{ height: 220 }}>
      <Bar
        role="img"
        aria-label={`Credits used per day over ${labels.length} days: ${num(total)} in all`}
        data={{ labels, datasets: [{ label: 'Credits used', data: values, backgroundColor: '#1d4ed8' }] }}
        options={{
          maintainAspectRatio: false,
          animation: false,
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        }}
      />
    </div>
  );
}

export interface Slice {
  label: string;
  value: number;
  colour: string;
}

export function StatusDonut({ slices, total }: { slices: Slice[]; total: number }) {
  const summary = slices.map((s) => `${s.label} ${num(s.value)}`).join(', ');
  return (
    <div className="donut">
      <Doughnut
        role="img"
        aria-label={`Rows by status, ${num(total)} in all: ${summary}`}
        data={{
          labels: slices.map((s) => s.label),
          datasets: [{ data: slices.map((s) => s.value), backgroundColor: slices.map((s) => s.colour), borderWidth: 1 }],
        }}
        options={{ cutout: '65%', animation: false, plugins: { legend: { display: false } } }}
      />
      <div className="centre" aria-hidden="true">
        <strong data-testid="donut-total">{num(total)}</strong>
        <span className="muted">rows</span>
      </div>
    </div>
  );
}
