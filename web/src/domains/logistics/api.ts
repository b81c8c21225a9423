import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from '../../api/client';
import { newIdempotencyKey } from '../../api/ids';
import type { Items } from '../../api/types';
import type {
  ExceptionReason,
  HubScanResult,
  Parcel,
  ParcelDirection,
  ParcelEvent,
  ParcelStatus,
  Plan,
  Run,
  RunSheet,
  Vehicle,
} from './types';

const q = encodeURIComponent;

/** Every logistics write changes parcels and runs somewhere; refetching them all is cheap. */
function useLogisticsWrite<V, R>(write: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all(
        ['parcels', 'runs', 'run', 'vehicles', 'orders', 'order'].map((key) =>
          client.invalidateQueries({ queryKey: [key] }),
        ),
      ),
  });
}

export const useParcels = (
  filter: { status?: ParcelStatus; centerId?: string; direction?: ParcelDirection } = {},
) =>
  useQuery({
    queryKey: ['parcels', filter],
    queryFn: () => {
      const s = new URLSearchParams({ limit: '500' });
      if (filter.status) s.set('status', filter.status);
      if (filter.centerId) s.set('centerId', filter.centerId);
      if (filter.direction) s.set('direction', filter.direction);
      return api<Items<Parcel>>(`/parcels?${s}`).then((r) => r.items);
    },
  });

export const useOverdueParcels = (centerId: string) =>
  useQuery({
    queryKey: ['parcels', 'overdue', centerId],
    queryFn: () => api<Items<Parcel>>(`/centers/${q(centerId)}/parcels/overdue`).then((r) => r.items),
  });

export const useParcelEvents = (trackingNumber: string | null) =>
  useQuery({
    queryKey: ['parcels', 'events', trackingNumber],
    enabled: trackingNumber !== null,
    queryFn: () => api<Items<ParcelEvent>>(`/parcels/${q(trackingNumber!)}/events`).then((r) => r.items),
  });

export type HubScan =
  | { trackingNumber: string; type: 'received' }
  | { trackingNumber: string; type: 'exception'; reason: ExceptionReason; note?: string };

/**
 * One key per physical scan: the server then treats a retry after a lost answer as the same
 * scan, while a deliberate second scan of the parcel is a new one.
 */
export const useHubScan = () =>
  useLogisticsWrite((scan: HubScan) =>
    post<HubScanResult>('/hub/scans', scan, { 'idempotency-key': newIdempotencyKey() }),
  );

/** `arrived`: off the van; `collected`: an outbound parcel handed to the driver. */
export const useCenterScan = (centerId: string) =>
  useLogisticsWrite((scan: { trackingNumber: string; type: 'arrived' | 'collected' }) =>
    post<{ parcelId: string; status: 'ready_for_pickup' | 'in_transit' }>(
      `/centers/${q(centerId)}/scans`,
      scan,
      {
        'idempotency-key': newIdempotencyKey(),
      },
    ),
  );

export const useHandOff = () =>
  useLogisticsWrite((v: { parcelId: string; carrier: string; carrierTrackingNumber: string }) =>
    post<Parcel>(`/parcels/${q(v.parcelId)}/handoff`, {
      carrier: v.carrier,
      carrierTrackingNumber: v.carrierTrackingNumber,
    }),
  );

export const useMarkDelivered = () =>
  useLogisticsWrite((parcelId: string) => post<Parcel>(`/parcels/${q(parcelId)}/delivered`));

export type NewParcel = {
  trackingNumber: string;
  carrier: string;
  recipientPhone: string;
  centerId: string;
  weightGrams?: number;
  idempotencyKey: string;
};

export const useRegisterParcel = () =>
  useLogisticsWrite(({ idempotencyKey, ...body }: NewParcel) =>
    post<Parcel>('/parcels', body, { 'idempotency-key': idempotencyKey }),
  );

/** Order parcels complete their order, so they are picked up through it. */
export const usePickup = () =>
  useLogisticsWrite(({ parcel, pickupCode }: { parcel: Parcel; pickupCode: string }) =>
    parcel.orderId
      ? post(`/orders/${q(parcel.orderId)}/pickup`, { pickupCode })
      : post(`/parcels/${q(parcel.id)}/pickup`, { pickupCode }),
  );

export const useResendCode = () =>
  useLogisticsWrite((parcelId: string) => post<Parcel>(`/parcels/${q(parcelId)}/resend-code`));

export const useVehicles = (countyId: string) =>
  useQuery({
    queryKey: ['vehicles', countyId],
    queryFn: () => api<Items<Vehicle>>(`/vehicles?countyId=${q(countyId)}`).then((r) => r.items),
  });

export type NewVehicle = { name: string; capacityKg: number; shiftMinutes: number };

export const useAddVehicle = (countyId: string) =>
  useLogisticsWrite((v: NewVehicle) => post<Vehicle>('/vehicles', { ...v, countyId }));

export const useRuns = (countyId: string, date: string) =>
  useQuery({
    queryKey: ['runs', countyId, date],
    queryFn: () => api<Items<Run>>(`/runs?countyId=${q(countyId)}&date=${q(date)}`).then((r) => r.items),
  });

export const useRunSheet = (id: string) =>
  useQuery({ queryKey: ['run', id], queryFn: () => api<RunSheet>(`/runs/${q(id)}`) });

export const usePlanRuns = (countyId: string) =>
  useLogisticsWrite((date: string) => post<Plan>('/runs/plan', { countyId, date }));

export const useDispatchRun = () =>
  useLogisticsWrite((runId: string) => post<Run>(`/runs/${q(runId)}/dispatch`));
