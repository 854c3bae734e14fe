import { createContext, useContext } from 'react';
import type { ActivityDescriptor } from '../api/types';

/** Descriptors by activity type; the map is created once per load so memoized nodes do not re-render. */
export const DescriptorContext = createContext<ReadonlyMap<string, ActivityDescriptor>>(new Map());

export function useDescriptors(): ReadonlyMap<string, ActivityDescriptor> {
  return useContext(DescriptorContext);
}

export function descriptorMap(descriptors: ActivityDescriptor[]): ReadonlyMap<string, ActivityDescriptor> {
  return new Map(descriptors.map((d) => [d.type, d]));
}
