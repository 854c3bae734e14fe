import type { ActivityDescriptor, ActivityJson, JsonValue } from '../api/types';

/** The port a connection leaves from when it names none (the engine's Ports.Done). */
export const defaultPort = 'Done';

/**
 * Reads port names from a literal input value, exactly as the engine's DynamicPorts does: an array of names,
 * or of objects whose `port` (or `name`) property names the port. Anything else yields no ports.
 */
export function readDynamicPorts(value: JsonValue | undefined): string[] {
  if (!Array.isArray(value)) return [];
  const ports: string[] = [];
  for (const item of value) {
    let name: JsonValue | undefined;
    if (typeof item === 'string') name = item;
    else if (item !== null && typeof item === 'object' && !Array.isArray(item)) name = item.port ?? item.name;
    if (typeof name === 'string' && name.trim() !== '') ports.push(name);
  }
  return ports;
}

/** Static ports of the descriptor followed by the dynamic ones, without duplicates, in order. */
export function portsOf(descriptor: ActivityDescriptor | undefined, activity: ActivityJson): string[] {
  if (!descriptor) return [defaultPort];
  const ports = [...descriptor.ports];
  if (descriptor.portsFromInput) {
    // An input left out takes its default, as the engine applies it (HumanTask without outcomes has a Done port).
    const binding = activity.inputs?.[descriptor.portsFromInput];
    const value = binding
      ? binding.expression.type === 'literal'
        ? binding.expression.value
        : undefined
      : descriptor.inputs.find((i) => i.name === descriptor.portsFromInput)?.default;
    for (const port of readDynamicPorts(value)) {
      if (!ports.includes(port)) ports.push(port);
    }
  }
  return ports;
}

/** Whether connections may end at an activity of this descriptor (triggers start instances; nothing enters them). */
export function acceptsIncoming(descriptor: ActivityDescriptor | undefined): boolean {
  return descriptor?.kind !== 'trigger';
}
