import type { PatientRow } from '../chart';

interface Props {
  patients: PatientRow[];
  selected?: string;
  onOpen: (id: string) => void;
}

function ageSex(p: PatientRow): string {
  return `${p.age ?? '?'} y ${p.sex === 'female' ? 'F' : p.sex === 'male' ? 'M' : p.sex}`;
}

export function PatientList({ patients, selected, onOpen }: Props) {
  const groups: [string, PatientRow[]][] = [
    ['Teaching cases', patients.filter((p) => p.teaching)],
    ['Synthetic patients (Synthea)', patients.filter((p) => !p.teaching)],
  ];
  return (
    <nav class="patients" aria-label="Patient list">
      {groups.map(([title, rows]) => (
        <section>
          <h2>{title}</h2>
          <ul>
            {rows.map((p) => (
              <li>
                <button
                  type="button"
                  class={`patient${p.id === selected ? ' patient--on' : ''}`}
                  aria-current={p.id === selected}
                  data-patient-id={p.id}
                  onClick={() => onOpen(p.id)}
                >
                  <span class="patient-name">
                    {p.name}
                    {p.deceased && <span class="tag">deceased</span>}
                  </span>
                  <span class="patient-meta">{ageSex(p)}</span>
                  <span class="patient-summary">{p.summary}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
