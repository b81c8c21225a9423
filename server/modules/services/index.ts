/** Services: everyday services at the village centre — phone top-ups, utility bills, travel tickets. */

export { type CenterServiceVolumes, servedVillagers, serviceVolumesOfCenters } from './center-volumes.ts';
export { httpServiceProviders, type ServicesConfig, serviceProvidersFrom } from './http-provider.ts';
export type { ServiceProviders } from './providers.ts';
export { SERVICE_TOPIC } from './request-service.ts';
export { serviceHandler, serviceResultSms } from './resolve-request.ts';
export { type SandboxOptions, sandboxServiceProviders } from './sandbox-provider.ts';
