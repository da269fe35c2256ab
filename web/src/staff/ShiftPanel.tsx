import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { staffApi, unwrap } from '../api/client';
import { ErrorNote } from '../ui/ErrorNote';

/** The store's shift: open or closed, and the pickers on shift its delivery promise counts. */
export function ShiftPanel({ storeId }: { storeId: string }) {
  const client = useQueryClient();
  const shift = useQuery({
    queryKey: ['shift', storeId],
    queryFn: () => unwrap(staffApi.GET('/api/v1/stores/{storeId}/shift', { params: { path: { storeId } } })),
  });
  const [pickers, setPickers] = useState(2);
  useEffect(() => {
    if (shift.data?.pickers != null) {
      setPickers(shift.data.pickers);
    }
  }, [shift.data?.pickers]);
  const save = useMutation({
    mutationFn: (body: { open: boolean; pickers: number }) =>
      unwrap(staffApi.PUT('/api/v1/stores/{storeId}/shift', { params: { path: { storeId } }, body })),
    onSuccess: (saved) => client.setQueryData(['shift', storeId], saved),
  });
  if (!shift.data) {
    return <ErrorNote error={shift.error} retry={() => shift.refetch()} />;
  }
  const open = shift.data.open ?? true;
  return (
    <form
      className="inline-form shift"
      aria-label="Shift"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ open, pickers });
      }}
    >
      <span role="status">{open ? 'Open: taking orders' : 'Closed: no orders'}</span>
      <label>
        Pickers on shift
        <input type="number" min={0} max={200} value={pickers} onChange={(e) => setPickers(Number(e.target.value))} />
      </label>
      <button type="submit" className="secondary" disabled={save.isPending}>
        Save
      </button>
      <button
        type="button"
        className="secondary"
        disabled={save.isPending}
        onClick={() => save.mutate({ open: !open, pickers })}
      >
        {open ? 'Close the store' : 'Open the store'}
      </button>
      <ErrorNote error={save.error} />
    </form>
  );
}
