import { memo, useMemo, useState } from 'react';
import type { ActivityDescriptor } from '../api/types';

export const dragMime = 'application/x-escalationflows-activity';

/** Activities grouped by category with a search box; drag one onto the canvas, or press Enter to add it. */
function PaletteView({ descriptors, onAdd }: { descriptors: ActivityDescriptor[]; onAdd(descriptor: ActivityDescriptor): void }) {
  const [search, setSearch] = useState('');
  const groups = useMemo(() => {
    const term = search.trim().toLowerCase();
    const matches = descriptors.filter(
      (d) => !term || d.displayName.toLowerCase().includes(term) || d.type.toLowerCase().includes(term) || d.category.toLowerCase().includes(term) || d.description.toLowerCase().includes(term),
    );
    const byCategory = new Map<string, ActivityDescriptor[]>();
    for (const d of matches) byCategory.set(d.category, [...(byCategory.get(d.category) ?? []), d]);
    return [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [descriptors, search]);

  return (
    <aside className="palette" aria-label="Activities" data-testid="palette">
      <input type="search" aria-label="Search activities" placeholder="Search activities" value={search} onChange={(e) => setSearch(e.target.value)} />
      {groups.map(([category, items]) => (
        <section key={category} aria-label={category}>
          <h3>{category}</h3>
          <ul>
            {items.map((d) => (
              <li key={d.type}>
                <button
                  type="button"
                  className={`palette-item kind-${d.kind}`}
                  draggable
                  title={d.description}
                  data-testid={`palette-${d.type}`}
                  aria-label={`Add ${d.displayName}`}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(dragMime, d.type);
                    e.dataTransfer.effectAllowed = 'move';
                  }}
                  onClick={() => onAdd(d)}
                >
                  {d.displayName}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {groups.length === 0 && <p className="muted">No activity matches “{search}”.</p>}
    </aside>
  );
}

export const Palette = memo(PaletteView);
